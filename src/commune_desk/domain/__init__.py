"""Pure Python core: the catalogue, periods, indicator arithmetic and validation rules."""
