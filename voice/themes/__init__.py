"""Themes: what a submission is about, in young people's words. Configured data: the demo
seeds a default list and each council can change it."""
