"""Residents taking part: task sign-ups, submissions, personal data, the cookbook."""
