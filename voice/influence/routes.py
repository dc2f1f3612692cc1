from voice.influence import models  # noqa: F401
