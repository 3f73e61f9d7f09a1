"""Backups in the app: the settings dialog's "Backups" page (``page``) and the daily
scheduled backup (``scheduler``) run on the task runner's database lane."""
