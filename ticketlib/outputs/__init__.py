"""Files written for people and programs: CLI exports, Excel, the review report, PDF."""
