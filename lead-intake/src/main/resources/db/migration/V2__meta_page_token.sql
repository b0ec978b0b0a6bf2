-- Meta notifications name a lead; its answers are read from the Graph API with the page's access token
ALTER TABLE source ADD COLUMN meta_page_access_token text;
