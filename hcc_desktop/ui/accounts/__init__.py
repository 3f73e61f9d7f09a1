"""Officer accounts on screen: the login, the first administrator, what a role may use."""
