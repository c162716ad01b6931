CREATE TABLE split_table (note CLOB);
