-- Proof of each consent: a hash of the exact notice text the person saw, and where the decision came from.
alter table consent_record
    add column notice_hash char(64),
    add column source_ip   varchar(64),
    add column user_agent  varchar(512);
