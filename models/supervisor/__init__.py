"""The supervisor's queries and the hall's sound."""
