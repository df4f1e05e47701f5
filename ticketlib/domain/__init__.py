"""The desk's vocabulary (états, priorities, folding), the SLA configuration and timestamps."""
