"""The reports dashboard: Biểu II.06a, the rates, the 766 estimate, trends."""
