"""Entry point of the frozen command line (hcc-desktop-cli[.exe])."""

from hcc_desktop.cli.entry import main

raise SystemExit(main())
