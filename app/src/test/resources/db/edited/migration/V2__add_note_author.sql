alter table note add author varchar(100);
