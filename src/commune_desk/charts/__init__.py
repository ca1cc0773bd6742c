"""Chart builders: DTOs to matplotlib Figures. No database, no Qt."""
