"""Entry point of the frozen desktop program (hcc-desktop[.exe])."""

from hcc_desktop.ui.app import run

raise SystemExit(run())
