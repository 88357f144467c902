-- The sample's first migration, edited after it was applied: validate must notice.
create table note (
    id   int          not null primary key,
    body varchar(400) not null
);
