"""`python -m commune_desk` runs the command line (and the window with no command)."""

from commune_desk.cli import main

raise SystemExit(main())
