-- T-SQL in the subset SQL Server and H2 (MODE=MSSQLServer) both accept: bare names only (H2 upper-cases
-- them, a [bracketed] name would keep its case and split the table in two), constraints inline,
-- no NONCLUSTERED, no ALTER ... ADD CONSTRAINT ... DEFAULT ... FOR.
-- customer_id points at database1's customer: no foreign key can cross databases, the app enforces it.
CREATE TABLE invoice (
    id          BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    issued_at   DATETIME2     NOT NULL,
    CONSTRAINT invoice_amount_positive CHECK (amount > 0),
    CONSTRAINT invoice_status_known CHECK (status IN ('open', 'paid', 'void'))
);

-- Index names are per table in SQL Server but per schema in H2: keep them unique across the schema.
CREATE INDEX invoice_customer_status ON invoice (customer_id, status);
