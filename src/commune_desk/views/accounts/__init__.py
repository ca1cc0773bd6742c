"""The accounts section: user accounts and the account dialog."""
