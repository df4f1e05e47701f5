import sys

from ticketlib.cli import main

sys.exit(main())
