-- Misspelt on purpose: migrate must name this file and repeat the engine's message.
create tabel note (id int not null primary key);
