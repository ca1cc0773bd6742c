"""The record sections (staff, trainings, villages, ...): pages, models, dialogs, import."""
