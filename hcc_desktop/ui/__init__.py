"""PySide6 user interface of HCC Desktop (the only package that imports Qt)."""
