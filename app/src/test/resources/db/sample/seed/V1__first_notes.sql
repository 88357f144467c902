insert into note (id, body) values (1, 'first'), (2, 'second');
