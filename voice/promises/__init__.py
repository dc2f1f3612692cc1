"""The council's promises to young people in care: what the board checks the answers
against. Configured data: each council enters its own list."""
