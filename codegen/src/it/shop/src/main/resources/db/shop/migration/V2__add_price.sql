alter table item add price decimal(10, 2);
