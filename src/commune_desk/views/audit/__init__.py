"""The audit section: the audit trail and its export."""
