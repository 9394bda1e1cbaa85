"""The channel layer in the admin: the Kanaler report and per-channel status."""
