from hcc_desktop.cli.entry import main

raise SystemExit(main())
