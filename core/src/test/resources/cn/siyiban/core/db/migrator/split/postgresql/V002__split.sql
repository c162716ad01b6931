CREATE TABLE split_table (note TEXT);
