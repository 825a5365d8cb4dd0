//! Media: the store of uploaded files under the data folder, and what checks and converts
//! what is put in it: images (`imaging`), videos (`video`), PDFs (`pdf`), 3D models
//! (`models3d`); and the pictures the demo fair draws for itself (`generated`).

pub mod generated;
pub mod imaging;
pub mod models3d;
pub mod pdf;
pub mod video;

use crate::hashing::sha256_hex;
use app::error::AppError;
use imaging::{ImageKind, Processed};
use std::path::{Path, PathBuf};

/// Where uploaded files live: `DATA_DIR/media`. Files are named by their content's SHA-256
/// and written under a temporary name first, so a name that exists is a whole file.
#[derive(Clone, Debug)]
pub struct MediaStore {
    pub dir: PathBuf,
}

impl MediaStore {
    /// The store in `dir` below this one (the private attachments).
    pub fn below(&self, dir: &str) -> MediaStore {
        MediaStore {
            dir: self.dir.join(dir),
        }
    }

    /// Keeps a staged file (`http::multipart::stream_file` wrote it) as `name`.
    pub async fn promote(&self, staged: &Path, name: &str) -> std::io::Result<()> {
        tokio::fs::rename(staged, self.dir.join(name)).await
    }

    /// Writes `bytes` as `name` unless it exists already, atomically: under a temporary name
    /// of this write's own (two people uploading the same file at once must not write into
    /// one temporary file, nor find it renamed away), then renamed; a rename over the same
    /// content from another write is harmless.
    pub async fn put(&self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(name);
        if tokio::fs::try_exists(&path).await? {
            return Ok(());
        }
        tokio::fs::create_dir_all(&self.dir).await?;
        let mut own = [0u8; 8];
        getrandom::fill(&mut own).map_err(std::io::Error::other)?;
        let temporary = self
            .dir
            .join(format!(".{name}.{}.part", crate::hashing::hex(&own)));
        let written = match tokio::fs::write(&temporary, bytes).await {
            Ok(()) => tokio::fs::rename(&temporary, &path).await,
            Err(error) => Err(error),
        };
        if written.is_err() {
            let _ = tokio::fs::remove_file(&temporary).await;
        }
        written
    }

    /// Stores an accepted image and its thumbnails as `{hash}-{side}` (the full image last,
    /// so that a file named by the hash means the whole set is there); returns the hash.
    pub async fn keep_image(&self, image: &Processed) -> Result<String, AppError> {
        let hash = sha256_hex(&image.bytes);
        let extension = image.kind.extension();
        for (side, thumbnail) in &image.thumbnails {
            self.put(&format!("{hash}-{side}.{extension}"), thumbnail)
                .await
                .map_err(AppError::internal)?;
        }
        self.put(&format!("{hash}.{extension}"), &image.bytes)
            .await
            .map_err(AppError::internal)?;
        Ok(hash)
    }
}

/// Checks and re-encodes an uploaded image behind `gates::MEDIA_DECODING`; a refusal is a
/// field error on `field`.
pub async fn process_image(
    bytes: Vec<u8>,
    kind: ImageKind,
    field: &'static str,
) -> Result<Processed, AppError> {
    crate::gates::MEDIA_DECODING
        .run(move || imaging::process(&bytes, kind))
        .await?
        .map_err(|error| AppError::invalid(field, error.code()))
}

#[cfg(test)]
mod tests {
    use super::MediaStore;

    #[tokio::test]
    async fn the_same_file_put_at_once_by_many_is_whole_once() {
        let dir = std::env::temp_dir().join(format!("cloud-fair-media-{}", std::process::id()));
        let store = MediaStore { dir: dir.clone() };
        let bytes: Vec<u8> = (0..1_000_000u32).map(|n| (n % 251) as u8).collect();
        let puts = (0..16).map(|_| {
            let (store, bytes) = (store.clone(), bytes.clone());
            tokio::spawn(async move { store.put("same.pdf", &bytes).await })
        });
        for put in futures_util::future::join_all(puts).await {
            put.unwrap().unwrap();
        }
        assert_eq!(std::fs::read(dir.join("same.pdf")).unwrap(), bytes);
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["same.pdf"], "no temporary file is left");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
