-- A small schema in the SQL that PostgreSQL and H2's MSSQLServer mode both accept.
create table note (
    id   int          not null primary key,
    body varchar(200) not null
);
