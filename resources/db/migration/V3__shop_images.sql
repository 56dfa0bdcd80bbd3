-- Pictures the shop uses, such as the logo on its cards. Stored as base64 text so the same column type
-- works in H2 and PostgreSQL; the app scales a logo down before storing it, so it stays well under the limit.
CREATE TABLE shop_image (
    image_key    VARCHAR(100)     NOT NULL PRIMARY KEY,
    content_type VARCHAR(50)      NOT NULL,
    base64       VARCHAR(1000000) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
