-- Customers of the service. Email is unique ignoring case, enforced by the index on lower(email),
-- and stored as the customer gave it.
create table customer (
    id         bigint generated always as identity primary key,
    email      text        not null,
    name       text        not null,
    created_at timestamptz not null default now(),
    constraint customer_email_length check (char_length(email) between 3 and 254),
    constraint customer_name_length check (char_length(name) between 1 and 200)
);

create unique index customer_email_lower_key on customer (lower(email));
