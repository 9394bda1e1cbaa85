"""Machine-readable views of 'Det sker' and the stories: JSON, ICS, RSS, the
embeddable widget and schema.org markup. All of them read occurrences from
`stories.recurrence` (one event) and `stories.occurrences` (a period), so every
channel shows the same dates."""
