from hcc_desktop.ui.app import run

raise SystemExit(run())
