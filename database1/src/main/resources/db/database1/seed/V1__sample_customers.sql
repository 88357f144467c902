-- Sample customers for development; applied by `seed`, tracked in flyway_seed_history.
insert into customer (email, name) values
    ('ada@example.com', 'Ada Lovelace'),
    ('grace@example.com', 'Grace Hopper'),
    ('edsger@example.com', 'Edsger Dijkstra')
on conflict ((lower(email))) do nothing;
