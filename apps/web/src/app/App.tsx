import { ConfigProvider, Layout, Result, Typography } from 'antd';

/** The console's shell; the pages arrive with the console issues. */
export function App() {
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#c7000b' } }}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header>
          <Typography.Title
            level={1}
            style={{ color: '#fff', fontSize: 20, lineHeight: '64px', margin: 0 }}
          >
            SWR Console
          </Typography.Title>
        </Layout.Header>
        <Layout.Content>
          <main>
            <Result
              status="info"
              title="SWR Console"
              subTitle="The console for Huawei Cloud SoftWare Repository for Container."
            />
          </main>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
