-- Schema v9: house registrations, owner changes, proof documents and review — filled in by the registrations work.
SELECT 1;
