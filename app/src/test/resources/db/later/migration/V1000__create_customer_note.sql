-- A migration that ships after the grants were run: its table and its serial sequence get no grant of their own.
create table customer_note (
    id          bigserial primary key,
    customer_id bigint not null references customer (id),
    body        text   not null
);
