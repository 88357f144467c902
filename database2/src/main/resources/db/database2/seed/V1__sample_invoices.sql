-- Sample invoices for the seeded customers of database1 (ids 1 and 2); applied by `seed`,
-- tracked in flyway_seed_history. Same T-SQL subset as the migrations.
INSERT INTO invoice (customer_id, amount, currency, status, issued_at) VALUES
    (1, 12.5000, 'EUR', 'open', '2026-01-02 03:04:05.123'),
    (1, 99.9900, 'USD', 'paid', '2026-01-03 10:00:00.000'),
    (2, 0.3000, 'EUR', 'void', '2026-01-04 12:30:00.000');
