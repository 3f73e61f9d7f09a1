"""The procedure catalog screens: importing and exporting the catalog file."""
