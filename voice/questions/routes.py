from voice.questions import models  # noqa: F401
