"""The pages: one blueprint per journey."""
