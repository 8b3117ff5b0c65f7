"""Speech shared by the hall display and the kiosk's spoken guide: the speaker process, its link, voices, engines."""
