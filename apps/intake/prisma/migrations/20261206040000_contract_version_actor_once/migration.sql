-- Versions recorded their actor with its kind twice ("api-key:api-key:<id>"): the gateway's actor id
-- already names its kind. Mend them, so filtering by actor id finds them.
UPDATE "contract_version"
   SET "created_by" = substring("created_by" FROM position(':' IN "created_by") + 1)
 WHERE "created_by" ~ '^(api-key|user|system):(api-key|user|system):';
