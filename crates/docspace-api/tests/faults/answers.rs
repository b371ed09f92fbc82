//! Every shape of answer a proxy or a portal gives becomes its typed error.

use std::time::Duration;

use docspace_api::{Error, RetryPolicy};

use super::proxy::*;

#[tokio::test]
async fn every_answer_shape_becomes_its_error() {
    let exception = r#"{"error":{"message":"Object reference not set","type":"System.NullReferenceException","stack":"at","hresult":1},"status":1,"statusCode":500}"#;
    let s = Setup::new(vec![(
        ME,
        vec![
            Fault::Answer(407, vec![("proxy-authenticate", "Basic".into())], ""),
            Fault::Answer(500, vec![], exception),
            Fault::Answer(200, vec![], "<html>captive portal</html>"),
            Fault::Answer(404, vec![], ""),
            Fault::Answer(403, vec![], ""),
            Fault::ForwardThenHang,
        ],
    )])
    .await;
    let c = s.client(RetryPolicy::never(), Duration::from_millis(700));
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::ProxyAuthentication {
            challenge: Some("Basic".into())
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Server {
            status: 500,
            message: "Object reference not set".into()
        }
    );
    match c.people().me().await.unwrap_err() {
        Error::Decode { snippet, .. } => assert_eq!(snippet, "<html>captive portal</html>"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::NotFound {
            message: "not found".into()
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Forbidden {
            message: "access denied".into()
        }
    );
    assert_eq!(
        c.people().me().await.unwrap_err(),
        Error::Timeout(Duration::from_millis(700))
    );
}
