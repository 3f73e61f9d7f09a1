"""Scanning a dossier's papers: files, a scanner's folder, a camera."""
