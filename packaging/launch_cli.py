"""Entry point of the frozen command line (hcc-desktop-cli[.exe])."""

from hcc_desktop.cli.main import main

raise SystemExit(main())
