"""Service areas: the council teams that answer young people, each with a lead officer.
Configured data, one list per council."""
