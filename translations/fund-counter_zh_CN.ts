<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Alipay</name>
    <message>
        <source>The answer from Alipay could not be verified and was not accepted.</source>
        <translation>支付宝的应答未通过验签，未予接受。</translation>
    </message>
    <message>
        <source>Alipay sent an answer that could not be read.</source>
        <translation>支付宝返回的应答无法解析。</translation>
    </message>
    <message>
        <source>The Alipay order is not valid: %1</source>
        <translation>支付宝订单无效：%1</translation>
    </message>
</context>
<context>
    <name>AlipayChannel</name>
    <message>
        <source>Alipay refused the request: %1</source>
        <translation>支付宝拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The answer from Alipay could not be verified; the result is unknown.</source>
        <translation>支付宝的应答未通过验签，结果未知。</translation>
    </message>
    <message>
        <source>The answer from Alipay is for another order.</source>
        <translation>支付宝的应答属于另一笔订单。</translation>
    </message>
    <message>
        <source>Alipay reports a different amount than the order.</source>
        <translation>支付宝报告的金额与订单金额不一致。</translation>
    </message>
    <message>
        <source>Alipay does not know this order.</source>
        <translation>支付宝查无此订单。</translation>
    </message>
    <message>
        <source>Alipay does not know this refund.</source>
        <translation>支付宝查无此笔退款。</translation>
    </message>
    <message>
        <source>The answer from Alipay is for another refund.</source>
        <translation>支付宝的应答对应的是另一笔退款。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Audit row %1 was modified after it was written.</source>
        <translation>审计记录第 %1 行在写入后被修改。</translation>
    </message>
    <message>
        <source>Audit rows before row %1 were deleted.</source>
        <translation>审计记录第 %1 行之前的记录已被删除。</translation>
    </message>
    <message>
        <source>Audit rows between row %1 and row %2 were deleted.</source>
        <translation>审计记录第 %1 行与第 %2 行之间的记录已被删除。</translation>
    </message>
    <message>
        <source>Audit row %1 does not follow row %2: a row was inserted or replaced there.</source>
        <translation>审计记录第 %1 行未紧接第 %2 行：该处有记录被插入或替换。</translation>
    </message>
    <message>
        <source>Audit row %1, the end of the log at an earlier check, is gone: rows were deleted from the end (the log now ends at row %2).</source>
        <translation>审计记录 %1（先前核查时日志的末尾）已不存在：日志末尾的记录被删除（日志现在结束于第 %2 条）。</translation>
    </message>
    <message>
        <source>Audit row %1 is not the row recorded at an earlier check: the log was rewritten up to there.</source>
        <translation>审计记录 %1 与先前核查时记录的不一致：日志被改写至该处。</translation>
    </message>
</context>
<context>
    <name>BuildingType</name>
    <message>
        <source>Multi-storey</source>
        <translation>多层</translation>
    </message>
    <message>
        <source>High-rise</source>
        <translation>高层</translation>
    </message>
</context>
<context>
    <name>ChannelConfig</name>
    <message>
        <source>The payment channel settings are not valid.</source>
        <translation>支付渠道设置无效。</translation>
    </message>
    <message>
        <source>A key file of the payment channels cannot be read.</source>
        <translation>无法读取支付渠道的密钥文件。</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation>%1 %2 不存在。</translation>
    </message>
    <message>
        <source>The %1 %2 can be read by other users. Allow only its owner to read it (chmod 600) and start again.</source>
        <translation>%1 %2 可被其他用户读取。请设置为仅文件所有者可读（chmod 600）后重新启动。</translation>
    </message>
    <message>
        <source>The %1 %2 cannot be read.</source>
        <translation>无法读取%1 %2。</translation>
    </message>
    <message>
        <source>payment channel settings file</source>
        <translation>支付渠道配置文件</translation>
    </message>
</context>
<context>
    <name>ConnectionProfileDialog</name>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>The service hall&apos;s shared database server. The password is used for this connection only and is never saved.</source>
        <translation>服务大厅共用的数据库服务器。密码仅用于本次连接，不会保存。</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>host name on the server&apos;s certificate, e.g. db.fund.example</source>
        <translation>与服务器证书上一致的主机名，例如 db.fund.example</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>not saved; empty: PGPASSWORD or ~/.pgpass</source>
        <translation>不保存；留空则使用 PGPASSWORD 或 ~/.pgpass</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS):</source>
        <translation>加密方式(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;CA certificate file:</source>
        <translation>CA证书文件(&amp;C)：</translation>
    </message>
    <message>
        <source>the CA that signed the server&apos;s certificate (sslrootcert)</source>
        <translation>签发服务器证书的 CA 证书（sslrootcert）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>连接(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CounterApp</name>
    <message>
        <source>Fund Counter</source>
        <translation>维修资金柜台端</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1

To create the demo database, run scripts/demo, or ask the administrator to run:
fundctl --db &quot;%2&quot; init</source>
        <translation>无法打开数据库：
%1

如需创建演示数据库，请运行 scripts/demo，或请管理员运行：
fundctl --db &quot;%2&quot; init</translation>
    </message>
    <message>
        <source>The database cannot be brought up to date:
%1</source>
        <translation>无法将数据库升级到最新版本：
%1</translation>
    </message>
    <message>
        <source>Counter %1 · %2</source>
        <translation>窗口 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished payment(s) of this counter were checked with the payment channels.</source>
        <translation>
            <numerusform>已向支付渠道核查本窗口 %n 笔未完成的交款。</numerusform>
        </translation>
    </message>
    <message>
        <source>The counter does not start: its receipt issuer settings cannot be used, and it never issues receipts with the built-in demo issuer instead.

%1</source>
        <translation>柜台端不会启动：开票方配置无法使用，且不会改用内置的演示开票方开具票据。

%1</translation>
    </message>
</context>
<context>
    <name>CreditCode</name>
    <message>
        <source>Enter the unified social credit code</source>
        <translation>请输入统一社会信用代码</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters, but %1 were entered; check the code on the business licence</source>
        <translation>统一社会信用代码为 18 位，当前输入了 %1 位；请核对营业执照上的代码</translation>
    </message>
    <message>
        <source>The code contains %1, which never appears in a unified social credit code (the letters I, O, S, V and Z are not used); check the code on the business licence</source>
        <translation>代码中含有“%1”，统一社会信用代码不使用该字符（不使用字母 I、O、S、V、Z）；请核对营业执照上的代码</translation>
    </message>
    <message>
        <source>The last character should be %1; check the code on the business licence</source>
        <translation>最后一位应为 %1；请核对营业执照上的代码</translation>
    </message>
    <message>
        <source>The organisation code inside this credit code (characters 9 to 17) does not pass its own check; compare the code with the business licence before continuing</source>
        <translation>该信用代码中的组织机构代码（第 9 至 17 位）未通过校验；请先与营业执照核对后再继续</translation>
    </message>
</context>
<context>
    <name>Crypto</name>
    <message>
        <source>The payment key could not be read. Please check the payment channel settings.</source>
        <translation>无法读取支付密钥，请检查支付渠道设置。</translation>
    </message>
    <message>
        <source>No private key is configured for this payment channel.</source>
        <translation>该支付渠道未配置私钥。</translation>
    </message>
    <message>
        <source>No public key is configured for this payment channel.</source>
        <translation>该支付渠道未配置公钥。</translation>
    </message>
    <message>
        <source>The APIv3 key must be exactly 32 characters.</source>
        <translation>APIv3 密钥必须为 32 个字符。</translation>
    </message>
    <message>
        <source>The encrypted message has no nonce.</source>
        <translation>加密报文缺少随机串（nonce）。</translation>
    </message>
    <message>
        <source>The payment channel&apos;s answer failed the signature check and was not accepted.</source>
        <translation>支付渠道的应答未通过验签，未予接受。</translation>
    </message>
    <message>
        <source>An encrypted message from the payment channel could not be decrypted; it was not accepted.</source>
        <translation>支付渠道发来的加密报文无法解密，未予接受。</translation>
    </message>
    <message>
        <source>Encryption failed.</source>
        <translation>加密失败。</translation>
    </message>
</context>
<context>
    <name>DailyCloseReport</name>
    <message>
        <source>The daily close report cannot be drawn.</source>
        <translation>无法生成日结单。</translation>
    </message>
    <message>
        <source>The daily close report could not be saved as %1: %2</source>
        <translation>日结单无法保存为 %1：%2</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The database server %1 presented a certificate that the certificate authority file %2 does not vouch for, so the connection was refused. Ask the administrator for the right CA file (sslrootcert).</source>
        <translation>数据库服务器 %1 提供的证书未获证书颁发机构文件 %2 认可，连接已被拒绝。请向管理员索取正确的 CA 文件（sslrootcert）。</translation>
    </message>
    <message>
        <source>The database server&apos;s certificate is not issued for the name %1, so the connection was refused. Use the host name written on the server&apos;s certificate in the database address.</source>
        <translation>数据库服务器的证书不是为名称 %1 签发的，连接已被拒绝。请在数据库地址中使用服务器证书上的主机名。</translation>
    </message>
    <message>
        <source>The database server %1 does not accept encrypted (TLS) connections, but the database address requires one.</source>
        <translation>数据库服务器 %1 不接受加密（TLS）连接，但数据库地址要求加密连接。</translation>
    </message>
    <message>
        <source>The database server %1 refused the user &quot;%2&quot;: check the user name, the password and the server&apos;s access rules.</source>
        <translation>数据库服务器 %1 拒绝了用户“%2”：请检查用户名、密码及服务器的访问规则。</translation>
    </message>
    <message>
        <source>The database &quot;%1&quot; does not exist on the server %2.</source>
        <translation>服务器 %2 上不存在数据库“%1”。</translation>
    </message>
    <message>
        <source>The database server %1 is restarting. Please try again in a moment.</source>
        <translation>数据库服务器 %1 正在重启，请稍后重试。</translation>
    </message>
    <message>
        <source>Cannot connect to the database server %1: check that the server is running and the address, user and password are right.</source>
        <translation>无法连接数据库服务器 %1：请检查服务器是否在运行，以及地址、用户名和密码是否正确。</translation>
    </message>
    <message>
        <source>The database address is not valid. Use postgresql://user@host:port/database.</source>
        <translation>数据库地址无效。请使用 postgresql://用户@主机:端口/数据库 格式。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql).</source>
        <translation>未安装 Qt 的 PostgreSQL 驱动（软件包 libqt6sql6-psql）。</translation>
    </message>
    <message>
        <source>Unknown database option &quot;%1&quot;.</source>
        <translation>未知的数据库选项“%1”。</translation>
    </message>
    <message>
        <source>Unknown sslmode &quot;%1&quot;: use disable, prefer, require, verify-ca or verify-full.</source>
        <translation>未知的 sslmode“%1”：请使用 disable、prefer、require、verify-ca 或 verify-full。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 does not exist, so the database server cannot be verified (sslmode=%2). Copy the server&apos;s CA certificate there, or correct sslrootcert in the database address.</source>
        <translation>证书颁发机构文件 %1 不存在，无法验证数据库服务器（sslmode=%2）。请将服务器的 CA 证书复制到该位置，或更正数据库地址中的 sslrootcert。</translation>
    </message>
    <message>
        <source>The certificate authority file %1 cannot be read: check its permissions.</source>
        <translation>无法读取证书颁发机构文件 %1：请检查其权限。</translation>
    </message>
    <message>
        <source>The database file %1 does not exist. Check the path, or create it with &quot;fundctl --db %1 init&quot;.</source>
        <translation>数据库文件 %1 不存在。请检查路径，或使用“fundctl --db %1 init”创建。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database: check that it is writable.</source>
        <translation>无法为数据库创建文件夹 %1：请检查该位置是否可写。</translation>
    </message>
    <message>
        <source>The folder %1 is not writable, so the database cannot be created there. Choose another folder or fix its permissions.</source>
        <translation>文件夹 %1 不可写，无法在此创建数据库。请选择其他文件夹或修改其权限。</translation>
    </message>
    <message>
        <source>%1 is not a database file.</source>
        <translation>%1 不是数据库文件。</translation>
    </message>
    <message>
        <source>Cannot open the database file %1.</source>
        <translation>无法打开数据库文件 %1。</translation>
    </message>
    <message>
        <source>%1 is not a Fund Counter database (or it is damaged).</source>
        <translation>%1 不是维修资金柜台端数据库（或已损坏）。</translation>
    </message>
    <message>
        <source>Another counter is saving at the same moment. Please try again.</source>
        <translation>另一窗口正在同时保存，请重试。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved; please try again.</source>
        <translation>与数据库服务器的连接已断开。未保存任何内容，请重试。</translation>
    </message>
    <message>
        <source>Records in the ledger and the audit log cannot be changed or deleted.</source>
        <translation>分户账和审计日志中的记录不能修改或删除。</translation>
    </message>
    <message>
        <source>The database is read-only: check the file&apos;s permissions.</source>
        <translation>数据库为只读：请检查文件权限。</translation>
    </message>
    <message>
        <source>The file is not a Fund Counter database (or it is damaged).</source>
        <translation>该文件不是维修资金柜台端数据库（或已损坏）。</translation>
    </message>
    <message>
        <source>The database refused the operation. Nothing was saved; please tell the administrator.</source>
        <translation>数据库拒绝了该操作。未保存任何内容，请告知管理员。</translation>
    </message>
    <message>
        <source>The database server cannot be reached at the moment. Nothing was saved; please try again in a moment.</source>
        <translation>暂时无法连接数据库服务器。未保存任何内容，请稍后重试。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost while saving. Please check whether the change was saved before trying again.</source>
        <translation>保存时与数据库服务器的连接断开。重试前请先确认此次更改是否已保存。</translation>
    </message>
    <message>
        <source>The database did not return the new record&apos;s number.</source>
        <translation>数据库未返回新记录的编号。</translation>
    </message>
    <message>
        <source>The connection to the database server was lost while saving. Please try again: if the first attempt was saved, the program will say so.</source>
        <translation>保存时与数据库服务器的连接断开。请重试：如果第一次已保存成功，程序会给出提示。</translation>
    </message>
    <message>
        <source>A database migration is missing from the program.</source>
        <translation>程序缺少一个数据库迁移脚本。</translation>
    </message>
    <message>
        <source>The database could not be upgraded. Nothing was changed; please tell the administrator.</source>
        <translation>数据库升级失败。未做任何更改，请告知管理员。</translation>
    </message>
    <message>
        <source>This database was created by a newer version of Fund Counter (schema %1; this program knows %2). Please update the program.</source>
        <translation>该数据库由更新版本的维修资金柜台端创建（结构版本 %1；本程序支持 %2）。请升级程序。</translation>
    </message>
    <message>
        <source>The database file is damaged. Nothing was saved. Stop using this counter and ask the administrator to restore the last backup.</source>
        <translation>数据库文件已损坏，未保存任何内容。请停止使用本窗口，并请管理员恢复最近的备份。</translation>
    </message>
</context>
<context>
    <name>DemoCityBuilder</name>
    <message>
        <source>The list of Beijing&apos;s districts and streets is missing from the program.</source>
        <translation>程序中缺少北京市区县和街道列表。</translation>
    </message>
    <message>
        <source>The list of Beijing&apos;s districts and streets is damaged.</source>
        <translation>北京市区县和街道列表已损坏。</translation>
    </message>
    <message>
        <source>A deposit standard is missing.</source>
        <translation>缺少一项交存标准。</translation>
    </message>
    <message>
        <source>The demo city needs at least one house.</source>
        <translation>演示城市至少需要一套房屋。</translation>
    </message>
    <message>
        <source>The demo city can have at most 20,000,000 houses.</source>
        <translation>演示城市最多可有 20,000,000 套房屋。</translation>
    </message>
    <message>
        <source>The database has no tables yet: run &quot;fundctl init&quot; first.</source>
        <translation>数据库中尚无数据表：请先运行“fundctl init”。</translation>
    </message>
    <message>
        <source>This database already has %1 houses. The demo city is only built into an empty database: use a new file.</source>
        <translation>该数据库中已有 %1 套房屋。演示城市只能建在空数据库中：请使用新文件。</translation>
    </message>
</context>
<context>
    <name>DepositKind</name>
    <message>
        <source>First deposit</source>
        <translation>首期交存</translation>
    </message>
    <message>
        <source>Renewal deposit</source>
        <translation>续交</translation>
    </message>
    <message>
        <source>Supplementary deposit</source>
        <translation>补交</translation>
    </message>
</context>
<context>
    <name>DepositService</name>
    <message>
        <source>Enter the business serial number (业务流水号) printed on the payment notice.</source>
        <translation>请输入交款通知书上的业务流水号。</translation>
    </message>
    <message>
        <source>No deposit has the serial number %1. Check the number on the payment notice.</source>
        <translation>没有业务流水号为 %1 的交存业务。请核对交款通知书上的流水号。</translation>
    </message>
    <message>
        <source>Enter the owner&apos;s name (业主名称) as on the payment notice.</source>
        <translation>请按交款通知书填写业主名称。</translation>
    </message>
    <message>
        <source>The owner&apos;s name does not match serial number %1. Check the name on the payment notice.</source>
        <translation>业主名称与业务流水号 %1 不符。请核对交款通知书上的业主名称。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>This deposit has a fixed amount of %1 yuan.</source>
        <translation>该笔交存为固定金额 %1 元。</translation>
    </message>
    <message>
        <source>The amount must be between %1 and %2 yuan.</source>
        <translation>金额必须在 %1 元至 %2 元之间。</translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation>请输入交款人姓名。</translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is less than the amount due (%2 yuan).</source>
        <translation>交款人交付的现金（%1 元）少于应交金额（%2 元）。</translation>
    </message>
    <message>
        <source>The deposit request no longer exists.</source>
        <translation>该交存业务已不存在。</translation>
    </message>
    <message>
        <source>Deposit %1 is already paid: collected at counter %2 by %3 at %4. Do not collect it again.</source>
        <translation>交存业务 %1 已交款：已于 %4 由 %3 在窗口 %2 收款。请勿重复收款。</translation>
    </message>
    <message>
        <source>Deposit %1 is already paid. Do not collect it again.</source>
        <translation>交存业务 %1 已交款。请勿重复收款。</translation>
    </message>
    <message>
        <source>Deposit %1 was cancelled and cannot be paid.</source>
        <translation>交存业务 %1 已撤销，不能交款。</translation>
    </message>
    <message>
        <source>Deposit %1 was just paid at another counter. Do not collect it again.</source>
        <translation>交存业务 %1 刚刚已在其他窗口交款。请勿重复收款。</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>金额过大。</translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation>该笔交款已不存在。</translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is more than 10,000 yuan above the amount due (%2 yuan). Check the amount tendered.</source>
        <translation>实收现金（%1 元）比应收金额（%2 元）多出 10,000 元以上，请核对实收金额。</translation>
    </message>
</context>
<context>
    <name>FundTab</name>
    <message>
        <source>Find a house first: the fund details of the house being served appear here.</source>
        <translation>请先查找房屋：正在办理房屋的资金明细将显示在此处。</translation>
    </message>
    <message>
        <source>First deposit (首期交存)</source>
        <translation>首期交存</translation>
    </message>
    <message>
        <source>Principal (本金)</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest (利息)</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Total balance (余额)</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Balance is below 30 % of the first deposit: a renewal deposit (续交) is due.</source>
        <translation>余额已低于首期交存额的 30%，应办理续交。</translation>
    </message>
    <message>
        <source>Fund details (资金明细): principal and interest are kept apart</source>
        <translation>资金明细：本金与利息分别记账</translation>
    </message>
</context>
<context>
    <name>HouseService</name>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation>没有编号为 %1 的房屋。</translation>
    </message>
</context>
<context>
    <name>HouseType</name>
    <message>
        <source>Commodity housing</source>
        <translation>商品住宅</translation>
    </message>
    <message>
        <source>Sold public housing</source>
        <translation>售后公房</translation>
    </message>
    <message>
        <source>Affordable housing</source>
        <translation>经济适用住房</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非住宅</translation>
    </message>
</context>
<context>
    <name>HousesTab</name>
    <message>
        <source>Identify resident</source>
        <translation>识别居民身份</translation>
    </message>
    <message>
        <source>&amp;ID number (身份证号):</source>
        <translation>身份证号(&amp;I)：</translation>
    </message>
    <message>
        <source>18 characters, as on the ID card</source>
        <translation>18 位，与身份证一致</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>as on the ID card</source>
        <translation>与身份证一致</translation>
    </message>
    <message>
        <source>&amp;Identify</source>
        <translation>识别(&amp;I)</translation>
    </message>
    <message>
        <source>Exact address (精确查询)</source>
        <translation>精确查询</translation>
    </message>
    <message>
        <source>Full &amp;address (坐落):</source>
        <translation>坐落(&amp;A)：</translation>
    </message>
    <message>
        <source>e.g. 北京市东城区…号楼…单元…室</source>
        <translation>例如：北京市东城区…号楼…单元…室</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查询(&amp;F)</translation>
    </message>
    <message>
        <source>District → room (模糊查询)</source>
        <translation>模糊查询</translation>
    </message>
    <message>
        <source>District (区县)</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Estate (小区)</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building (楼幢)</source>
        <translation>楼幢</translation>
    </message>
    <message>
        <source>Unit (单元)</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Room (室号)</source>
        <translation>室号</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查询(&amp;I)</translation>
    </message>
    <message>
        <source>Search by text</source>
        <translation>按地址文字搜索</translation>
    </message>
    <message>
        <source>&amp;Part of an address:</source>
        <translation>部分地址(&amp;P)：</translation>
    </message>
    <message>
        <source>any part: estate, street, building…</source>
        <translation>任意部分：小区、街道、楼幢…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add house (个人造册)</source>
        <translation>个人造册(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quick deposit (快速交存)</source>
        <translation>快速交存(&amp;Q)</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋详情</translation>
    </message>
    <message>
        <source>Ser&amp;ve this house</source>
        <translation>办理此房屋(&amp;V)</translation>
    </message>
    <message>
        <source>Find &amp;by:</source>
        <translation>查询方式(&amp;B)：</translation>
    </message>
    <message>
        <source>How to find the house: by the resident&apos;s ID card, the address, the contract, the certificate or a receipt</source>
        <translation>查找房屋的方式：居民身份证、坐落、网签合同、不动产权证或票据</translation>
    </message>
    <message>
        <source>Contract no. + house type (网签合同编号)</source>
        <translation>网签合同编号查询</translation>
    </message>
    <message>
        <source>Certificate no. (不动产权证号)</source>
        <translation>不动产权证号查询</translation>
    </message>
    <message>
        <source>Receipt code + number (票据代码 + 票据号码)</source>
        <translation>票据代码 + 票据号码查询</translation>
    </message>
    <message>
        <source>&amp;Contract no. (网签合同编号):</source>
        <translation>网签合同编号(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. BJ2015-0123456</source>
        <translation>例如：BJ2015-0123456</translation>
    </message>
    <message>
        <source>House &amp;type:</source>
        <translation>房屋类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Certificate no. (不动产权证号):</source>
        <translation>不动产权证号(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. 京(2021)朝阳区不动产权第0004549号</source>
        <translation>例如：京(2021)朝阳区不动产权第0004549号</translation>
    </message>
    <message>
        <source>Receipt &amp;code (票据代码):</source>
        <translation>票据代码(&amp;C)：</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 位数字</translation>
    </message>
    <message>
        <source>Receipt &amp;number (票据号码):</source>
        <translation>票据号码(&amp;N)：</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 位数字</translation>
    </message>
    <message>
        <source>Open 个人造册 with this resident&apos;s name and ID number filled in</source>
        <translation>打开个人造册，并填入该居民的姓名和身份证号</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>The number starts with an unknown region (%1); check the first digits on the ID card</source>
        <translation>号码开头的地区代码（%1）不存在；请核对身份证上的前几位数字</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is not a real date; check the number on the ID card</source>
        <translation>号码中的出生日期（%1）不是有效日期；请核对身份证上的号码</translation>
    </message>
    <message>
        <source>The birth date in the number (%1) is in the future; check the number on the ID card</source>
        <translation>号码中的出生日期（%1）晚于今天；请核对身份证上的号码</translation>
    </message>
    <message>
        <source>Enter the ID number</source>
        <translation>请输入身份证号</translation>
    </message>
    <message>
        <source>An 18-character ID number has 17 digits followed by a digit or X; check the number on the ID card</source>
        <translation>18 位身份证号由 17 位数字加 1 位数字或 X 组成；请核对身份证上的号码</translation>
    </message>
    <message>
        <source>The last character should be %1; check the number on the ID card</source>
        <translation>最后一位应为 %1；请核对身份证上的号码</translation>
    </message>
    <message>
        <source>A 15-character ID number is either 15 digits (old resident ID) or three letters and 12 digits (old permanent residence ID); check the number on the card</source>
        <translation>15 位证件号码为 15 位数字（旧版居民身份证），或 3 个字母加 12 位数字（旧版永久居留证）；请核对证件上的号码</translation>
    </message>
    <message>
        <source>An ID number has 18 characters (old ones 15), but %1 were entered; check the number on the ID card</source>
        <translation>身份证号应为 18 位（旧版为 15 位），当前输入了 %1 位；请核对身份证上的号码</translation>
    </message>
</context>
<context>
    <name>ImportService</name>
    <message>
        <source>Cannot read the file %1: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GB18030 text. Save it as CSV in UTF-8 (or GB18030) and try again.</source>
        <translation>该文件既不是 UTF-8 文本也不是 GB18030 文本。请另存为 UTF-8（或 GB18030）编码的 CSV 文件后重试。</translation>
    </message>
    <message>
        <source>A quoted field that starts on this line is never closed (a &quot; is missing).</source>
        <translation>从本行开始的带引号字段没有结束（缺少一个 &quot;）。</translation>
    </message>
    <message>
        <source>The file is empty: the first line must name the columns.</source>
        <translation>文件为空：第一行必须为列名。</translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;. The columns are listed in docs/import-formats.md.</source>
        <translation>未知列“%1”。各列说明见 docs/import-formats.md。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; appears twice.</source>
        <translation>列“%1”出现了两次。</translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; (%2) is missing.</source>
        <translation>缺少列“%1”（%2）。</translation>
    </message>
    <message>
        <source>This line has %1 fields but the header has %2 columns. A value with a comma must be in double quotes.</source>
        <translation>本行有 %1 个字段，但表头有 %2 列。含逗号的值必须用英文双引号括起来。</translation>
    </message>
    <message>
        <source>The file has a header line but no data.</source>
        <translation>文件只有表头行，没有数据。</translation>
    </message>
    <message>
        <source>Unknown ID kind &quot;%1&quot;: use resident_id (居民身份证), legacy_resident_id, hk_mo_tw, foreign_permanent, credit_code or other.</source>
        <translation>未知证件类型“%1”：请使用 resident_id（居民身份证）、legacy_resident_id、hk_mo_tw、foreign_permanent、credit_code 或 other。</translation>
    </message>
    <message>
        <source>Not a valid ID number; if it is another kind of document, fill in id_kind.</source>
        <translation>不是有效的身份证号；如为其他证件，请填写 id_kind。</translation>
    </message>
    <message>
        <source>Not a valid ID number: %1</source>
        <translation>不是有效的身份证号：%1</translation>
    </message>
    <message>
        <source>Not a valid unified social credit code: %1</source>
        <translation>不是有效的统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>The document number must have 1 to 40 characters.</source>
        <translation>证件号码须为 1 至 40 个字符。</translation>
    </message>
    <message>
        <source>The number is not a valid %1 number.</source>
        <translation>该号码不是有效的%1号码。</translation>
    </message>
    <message>
        <source>No value: this column is required.</source>
        <translation>无值：此列为必填项。</translation>
    </message>
    <message>
        <source>Unknown district &quot;%1&quot;: use the 6-digit code (e.g. 110105) or the name (朝阳区).</source>
        <translation>未知区县“%1”：请使用 6 位区划代码（如 110105）或名称（朝阳区）。</translation>
    </message>
    <message>
        <source>No street &quot;%1&quot; in this district: use the 9-digit street code or its name.</source>
        <translation>该区县中没有街道“%1”：请使用 9 位街道代码或街道名称。</translation>
    </message>
    <message>
        <source>Too long: at most 100 characters.</source>
        <translation>过长：最多 100 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a floor: a whole number from -10 to 200, not 0.</source>
        <translation>“%1”不是有效楼层：应为 -10 至 200 之间的整数，且不为 0。</translation>
    </message>
    <message>
        <source>Too long: at most 300 characters.</source>
        <translation>过长：最多 300 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an area: square metres with at most two decimals, e.g. 89.50.</source>
        <translation>“%1”不是有效面积：以平方米为单位，最多两位小数，例如 89.50。</translation>
    </message>
    <message>
        <source>The area must be greater than zero.</source>
        <translation>面积必须大于零。</translation>
    </message>
    <message>
        <source>Unknown house type &quot;%1&quot;: use commodity (商品住宅), public_sold (售后公房), affordable (经济适用房) or non_residential (非住宅).</source>
        <translation>未知房屋类型“%1”：请使用 commodity（商品住宅）、public_sold（售后公房）、affordable（经济适用住房）或 non_residential（非住宅）。</translation>
    </message>
    <message>
        <source>Unknown building type &quot;%1&quot;: use multi_storey (多层) or high_rise (高层).</source>
        <translation>未知楼型“%1”：请使用 multi_storey（多层）或 high_rise（高层）。</translation>
    </message>
    <message>
        <source>Too long: at most 64 characters.</source>
        <translation>过长：最多 64 个字符。</translation>
    </message>
    <message>
        <source>The same house as on line %1.</source>
        <translation>与第 %1 行为同一房屋。</translation>
    </message>
    <message>
        <source>Line %1 gives this building another type (%2).</source>
        <translation>第 %1 行为该楼幢填写了另一种楼型（%2）。</translation>
    </message>
    <message>
        <source>The estate &quot;%1&quot; is new: give its street (街道) so it can be created.</source>
        <translation>小区“%1”为新小区：请填写其所属街道，以便创建。</translation>
    </message>
    <message>
        <source>The building &quot;%1&quot; is already registered as %2.</source>
        <translation>楼幢“%1”已登记为%2。</translation>
    </message>
    <message>
        <source>The import could not link a house to its building; nothing was saved.</source>
        <translation>导入时无法将房屋关联到所属楼幢；未保存任何内容。</translation>
    </message>
    <message>
        <source>The house is named by an address (坐落) or a certificate_no (不动产权证号) column; the file has neither.</source>
        <translation>房屋需通过坐落（address）列或不动产权证号（certificate_no）列指定；该文件两列都没有。</translation>
    </message>
    <message>
        <source>Name the house by its address (坐落) or its certificate number (不动产权证号).</source>
        <translation>请通过坐落或不动产权证号指定房屋。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: 7 to 15 digits, spaces and dashes allowed.</source>
        <translation>“%1”不是有效的电话号码：应为 7 至 15 位数字，可含空格和短横线。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date: write it as 2024-05-31.</source>
        <translation>“%1”不是有效日期：请写成 2024-05-31 的格式。</translation>
    </message>
    <message>
        <source>The date %1 is in the future.</source>
        <translation>日期 %1 晚于今天。</translation>
    </message>
    <message>
        <source>Line %1 gives another name for the same ID number.</source>
        <translation>第 %1 行为同一身份证号填写了另一个姓名。</translation>
    </message>
    <message>
        <source>No house has this address. Import the house first.</source>
        <translation>没有坐落为该地址的房屋。请先导入房屋。</translation>
    </message>
    <message>
        <source>The house at this address has another certificate number.</source>
        <translation>该坐落的房屋登记的是另一个不动产权证号。</translation>
    </message>
    <message>
        <source>No house has this certificate number. Import the house first.</source>
        <translation>没有房屋登记该不动产权证号。请先导入房屋。</translation>
    </message>
    <message>
        <source>%1 houses have this certificate number: name the house by its address.</source>
        <translation>有 %1 套房屋使用该不动产权证号：请通过坐落指定房屋。</translation>
    </message>
    <message>
        <source>A person with this ID number is already registered under another name. Correct the name, or change the person&apos;s record at the counter first.</source>
        <translation>该身份证号已登记在另一姓名下。请更正姓名，或先在柜台办理业主信息变更。</translation>
    </message>
    <message>
        <source>The same owner of the same house as on line %1.</source>
        <translation>与第 %1 行为同一房屋的同一业主。</translation>
    </message>
    <message>
        <source>The import could not link an owner to the new person record; nothing was saved.</source>
        <translation>导入时无法将业主关联到新建的人员记录；未保存任何内容。</translation>
    </message>
    <message>
        <source>resident ID card (居民身份证)</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>15-digit resident ID card (15位身份证)</source>
        <translation>15位居民身份证</translation>
    </message>
    <message>
        <source>Hong Kong, Macao and Taiwan residence permit (港澳台居民居住证)</source>
        <translation>港澳台居民居住证</translation>
    </message>
    <message>
        <source>foreign permanent resident ID card (外国人永久居留身份证)</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>The number is not a valid %1 number: %2.</source>
        <translation>该号码不是有效的%1号码：%2。</translation>
    </message>
</context>
<context>
    <name>InterestService</name>
    <message>
        <source>The interest rate must be more than 0 % and at most 100 % a year.</source>
        <translation>年利率必须大于 0%，且不超过 100%。</translation>
    </message>
    <message>
        <source>%1 is not a year interest can be credited for.</source>
        <translation>%1 不是可结息入账的年度。</translation>
    </message>
    <message>
        <source>The year %1 is not over yet: its interest can be credited from %2 on.</source>
        <translation>%1 年度尚未结束：自 %2 起方可结息入账。</translation>
    </message>
    <message>
        <source>The interest for %1 was already credited on %2 by %3 at %4 a year. It is credited once per year; nothing was changed.</source>
        <translation>%1 年度利息已于 %2 由 %3 按年利率 %4 结息入账。每年只结息一次；未做任何更改。</translation>
    </message>
    <message>
        <source>The interest for %1 was already credited: %2 accounts have interest entries dated %3. Nothing was changed.</source>
        <translation>%1 年度利息已结息入账：有 %2 个账户存在日期为 %3 的利息记录。未做任何更改。</translation>
    </message>
    <message>
        <source>The interest run did not update every account it credited; nothing was changed.</source>
        <translation>本次结息未能更新所有已计息的账户；未做任何更改。</translation>
    </message>
    <message>
        <source>The interest run counted its entries differently; nothing was changed.</source>
        <translation>本次结息的记录计数不一致；未做任何更改。</translation>
    </message>
    <message>
        <source>The interest for %1 was credited at the same moment by another run. Nothing was changed.</source>
        <translation>另一结息任务已同时为 %1 年度结息入账。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>LedgerKind</name>
    <message>
        <source>First deposit</source>
        <translation>首期交存</translation>
    </message>
    <message>
        <source>Renewal deposit</source>
        <translation>续交</translation>
    </message>
    <message>
        <source>Supplementary deposit</source>
        <translation>补交</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Repair expense share</source>
        <translation>维修费用分摊</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>返还</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>红冲</translation>
    </message>
</context>
<context>
    <name>LocalReceiptIssuer</name>
    <message>
        <source>local issuer</source>
        <translation>本地开票方</translation>
    </message>
    <message>
        <source>The receipt could not be signed: the issuer&apos;s key is not usable.</source>
        <translation>无法对票据签名：开票方密钥不可用。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Fund Counter — sign in</source>
        <translation>维修资金柜台端 — 登录</translation>
    </message>
    <message>
        <source>Residential Maintenance Fund Counter</source>
        <translation>住宅专项维修资金柜台端</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;Database…</source>
        <translation>数据库连接(&amp;D)…</translation>
    </message>
    <message>
        <source>Choose the database server (数据库连接)</source>
        <translation>选择数据库服务器</translation>
    </message>
</context>
<context>
    <name>LookupService</name>
    <message>
        <source>Enter the full address of the house.</source>
        <translation>请输入房屋的完整坐落。</translation>
    </message>
    <message>
        <source>Type part of an address to search for.</source>
        <translation>请输入要搜索的部分地址。</translation>
    </message>
    <message>
        <source>Enter the online-signed contract number (网签合同编号).</source>
        <translation>请输入网签合同编号。</translation>
    </message>
    <message>
        <source>Enter the real-estate certificate number (不动产权证号).</source>
        <translation>请输入不动产权证号。</translation>
    </message>
    <message>
        <source>A receipt code (票据代码) has 8 digits.</source>
        <translation>票据代码为 8 位数字。</translation>
    </message>
    <message>
        <source>A receipt number (票据号码) has 10 digits.</source>
        <translation>票据号码为 10 位数字。</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name as written on the ID card.</source>
        <translation>请按身份证填写居民姓名。</translation>
    </message>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation>没有编号为 %1 的房屋。</translation>
    </message>
</context>
<context>
    <name>PaymentCode</name>
    <message>
        <source>Nothing was scanned. Please scan the payment code on the resident&apos;s phone.</source>
        <translation>未扫描到内容，请扫描居民手机上的付款码。</translation>
    </message>
    <message>
        <source>This is not a WeChat Pay or Alipay payment code. Please ask the resident to open the payment code (付款码) and scan it again.</source>
        <translation>这不是微信支付或支付宝的付款码，请居民打开付款码后重新扫描。</translation>
    </message>
    <message>
        <source>This is not a valid WeChat Pay payment code (18 digits starting with 10 to 15). Please scan it again.</source>
        <translation>这不是有效的微信支付付款码（以 10 至 15 开头的 18 位数字），请重新扫描。</translation>
    </message>
</context>
<context>
    <name>PaymentMethod</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
</context>
<context>
    <name>PaymentNotifications</name>
    <message>
        <source>A payment notification claiming to come from %1 could not be verified and was ignored.</source>
        <translation>一条自称来自%1的支付结果通知未通过验证，已忽略。</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>WeChat Pay is not configured at this site.</source>
        <translation>本网点未配置微信支付。</translation>
    </message>
    <message>
        <source>A WeChat Pay notification of kind %1 is not a payment result; nothing was changed.</source>
        <translation>类型为 %1 的微信支付通知不是支付结果，未做任何更改。</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Alipay is not configured at this site.</source>
        <translation>本网点未配置支付宝。</translation>
    </message>
    <message>
        <source>A payment notification names order %1, which this system does not know; nothing was changed.</source>
        <translation>支付结果通知中的订单 %1 在本系统中不存在，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>PaymentService</name>
    <message>
        <source>The reference number (参考号) on the POS slip has 12 digits.</source>
        <translation>POS 签购单上的参考号为 12 位数字。</translation>
    </message>
    <message>
        <source>Deposit %1 already has a payment in progress (%2) at counter %3, started by %4. Finish or close that payment first.</source>
        <translation>交存业务 %1 已有一笔进行中的交款（%2），在窗口 %3 由 %4 发起。请先完成或关闭该笔交款。</translation>
    </message>
    <message>
        <source>The payment attempt no longer exists.</source>
        <translation>该笔交款已不存在。</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation>等待支付</translation>
    </message>
    <message>
        <source>unknown — querying</source>
        <translation>结果未知，正在查询</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>refund pending</source>
        <translation>退款中</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <source>Payment %1 is %2 and cannot become %3.</source>
        <translation>交款 %1 的状态为“%2”，不能变为“%3”。</translation>
    </message>
    <message>
        <source>Payment %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation>交款 %1 同时在别处被修改，请重新查看。</translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name.</source>
        <translation>请输入交款人姓名。</translation>
    </message>
    <message>
        <source>This payment method is not available at this counter.</source>
        <translation>本窗口不支持该支付方式。</translation>
    </message>
    <message>
        <source>Deposit %1 already has a payment in progress. Finish or close that payment first.</source>
        <translation>交存业务 %1 已有一笔进行中的交款，请先完成或关闭该笔交款。</translation>
    </message>
    <message>
        <source>Payment %1 is %2; start a new payment.</source>
        <translation>交款 %1 的状态为“%2”，请发起新的交款。</translation>
    </message>
    <message>
        <source>This payment is not a cash payment.</source>
        <translation>该笔交款不是现金交款。</translation>
    </message>
    <message>
        <source>The terminal number (终端号) on the POS slip has 8 characters.</source>
        <translation>POS 签购单上的终端号为 8 个字符。</translation>
    </message>
    <message>
        <source>The batch number (批次号) on the POS slip has 6 digits.</source>
        <translation>POS 签购单上的批次号为 6 位数字。</translation>
    </message>
    <message>
        <source>This payment is not a bank card payment.</source>
        <translation>该笔交款不是银行卡交款。</translation>
    </message>
    <message>
        <source>Payment %1 is already paid and cannot be closed.</source>
        <translation>交款 %1 已支付，不能关闭。</translation>
    </message>
    <message>
        <source>The channel did not confirm that payment %1 is closed; it is %2. Try closing it again.</source>
        <translation>支付渠道未确认交款 %1 已关闭，其状态为“%2”。请再次尝试关闭。</translation>
    </message>
    <message>
        <source>The channel reports payment %1 paid although it is %2. Nothing was booked: do not collect again; a supervisor must refund it or book it after reconciliation.</source>
        <translation>支付渠道报告交款 %1 已支付，但其状态为“%2”。未记账：请勿重复收款；须由主管退款，或在对账后记账。</translation>
    </message>
    <message>
        <source>The channel reports %1 yuan paid for payment %2, but %3 yuan are due. Nothing was booked; a supervisor must reconcile it.</source>
        <translation>支付渠道报告交款 %2 已支付 %1 元，但应交 %3 元。未记账；须由主管对账处理。</translation>
    </message>
    <message>
        <source>The channel reports payment %1 paid, but the deposit cannot take it: %2 Nothing was booked; a supervisor must refund it.</source>
        <translation>支付渠道报告交款 %1 已支付，但该交存业务无法入账：%2 未记账；须由主管退款。</translation>
    </message>
    <message>
        <source>Only the channel&apos;s confirmation or a supervisor can mark a payment paid.</source>
        <translation>只有支付渠道的确认或主管才能将交款标记为已支付。</translation>
    </message>
    <message>
        <source>Enter the reason for confirming this payment manually.</source>
        <translation>请输入人工确认该笔交款的原因。</translation>
    </message>
    <message>
        <source>Payment %1 is %2 and cannot be confirmed manually.</source>
        <translation>交款 %1 的状态为“%2”，不能人工确认。</translation>
    </message>
    <message>
        <source>Deposit %1 was reported paid by %2 after that payment (order %3) was closed. A supervisor must settle it in reconciliation before it is collected again.</source>
        <translation>交存业务 %1 在该笔交款（订单号 %3）关闭后被%2报告为已支付。须由主管在对账中处理后，方可再次收款。</translation>
    </message>
    <message>
        <source>Only a refund that the channel confirmed marks a payment refunded.</source>
        <translation>只有经支付渠道确认的退款才能将交款标记为已退款。</translation>
    </message>
    <message>
        <source>This POS slip (参考号 %1, 终端号 %2) was already entered for payment %3 of deposit %4. Each card payment has its own slip: check the slip in your hand.</source>
        <translation>该 POS 签购单（参考号 %1，终端号 %2）已用于业务 %4 的交款 %3。每笔刷卡交款都有各自的签购单，请核对手中的签购单。</translation>
    </message>
</context>
<context>
    <name>PaymentState</name>
    <message>
        <source>not sent yet</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>awaiting payment</source>
        <translation>等待支付</translation>
    </message>
    <message>
        <source>result unknown — querying</source>
        <translation>结果未知，查询中</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>refund pending</source>
        <translation>退款中</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation>退款失败</translation>
    </message>
</context>
<context>
    <name>PaymentTab</name>
    <message>
        <source>Quick deposit (快速交存): serial number + owner name, for any house</source>
        <translation>快速交存：凭业务流水号和业主名称交存，适用于任意房屋</translation>
    </message>
    <message>
        <source>&amp;Serial no. (业务流水号):</source>
        <translation>业务流水号(&amp;S)：</translation>
    </message>
    <message>
        <source>as on the payment notice</source>
        <translation>与交款通知书一致</translation>
    </message>
    <message>
        <source>&amp;Owner name (业主名称):</source>
        <translation>业主名称(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查询(&amp;F)</translation>
    </message>
    <message>
        <source>Pending deposits (待交存):</source>
        <translation>待交存：</translation>
    </message>
    <message>
        <source>Payment (交款)</source>
        <translation>交款</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应交金额</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation>金额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Coming in the payment channels release</source>
        <translation>将在支付渠道版本中推出</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Cash &amp;tendered (yuan):</source>
        <translation>收取现金（元）(&amp;T)：</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>找零：</translation>
    </message>
    <message>
        <source>&amp;Payer (交款人):</source>
        <translation>交款人(&amp;P)：</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收款</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>see residents&apos; personal data</source>
        <translation>查看居民个人信息</translation>
    </message>
    <message>
        <source>collect payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>issue or print receipts</source>
        <translation>开具或打印票据</translation>
    </message>
    <message>
        <source>view receipts</source>
        <translation>查看票据</translation>
    </message>
    <message>
        <source>manage staff accounts</source>
        <translation>管理工作人员账号</translation>
    </message>
    <message>
        <source>run batch jobs</source>
        <translation>执行批量作业</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your role (%1) may not %2.</source>
        <translation>您的角色（%1）无权%2。</translation>
    </message>
    <message>
        <source>confirm a payment manually</source>
        <translation>人工确认交款</translation>
    </message>
    <message>
        <source>import channel bills and reconcile</source>
        <translation>导入渠道账单并对账</translation>
    </message>
    <message>
        <source>approve a till variance</source>
        <translation>审批款箱长短款</translation>
    </message>
    <message>
        <source>refund a payment (退款); ask a supervisor</source>
        <translation>退款；请联系主管</translation>
    </message>
    <message>
        <source>approve a red reversal (红冲) of a receipt</source>
        <translation>审批票据红冲</translation>
    </message>
    <message>
        <source>submit house registrations</source>
        <translation>提交造册申请</translation>
    </message>
    <message>
        <source>review house registrations</source>
        <translation>审核造册申请</translation>
    </message>
</context>
<context>
    <name>ProofDocument</name>
    <message>
        <source>(unnamed file)</source>
        <translation>（未命名文件）</translation>
    </message>
    <message>
        <source>The file %1 is empty. Scan the document again.</source>
        <translation>文件 %1 为空。请重新扫描该材料。</translation>
    </message>
    <message>
        <source>The file %1 is %2 MB; a proof document may be at most %3 MB. Scan it at a lower resolution or split it into several files.</source>
        <translation>文件 %1 大小为 %2 MB；每份证明材料最大为 %3 MB。请降低分辨率重新扫描，或拆分为多个文件。</translation>
    </message>
    <message>
        <source>The file %1 is a program or an archive, not a scanned document, whatever its name says. Attach a PDF, JPEG or PNG scan.</source>
        <translation>文件 %1 是程序或压缩包，不是扫描件（无论其文件名如何）。请附上 PDF、JPEG 或 PNG 格式的扫描件。</translation>
    </message>
    <message>
        <source>The file %1 is not a PDF, JPEG or PNG file. Scan the document as PDF, JPEG or PNG.</source>
        <translation>文件 %1 不是 PDF、JPEG 或 PNG 文件。请将材料扫描为 PDF、JPEG 或 PNG 格式。</translation>
    </message>
    <message>
        <source>The PDF file %1 is damaged or incomplete and cannot be opened. Scan or save it again.</source>
        <translation>PDF 文件 %1 已损坏或不完整，无法打开。请重新扫描或保存。</translation>
    </message>
    <message>
        <source>The image %1 is damaged or incomplete and cannot be shown. Scan it again.</source>
        <translation>图片 %1 已损坏或不完整，无法显示。请重新扫描。</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <source>The receipt cannot be drawn.</source>
        <translation>无法生成票据。</translation>
    </message>
    <message>
        <source>The receipt could not be saved as %1: %2</source>
        <translation>票据无法保存为 %1：%2</translation>
    </message>
</context>
<context>
    <name>ReceiptPlatform</name>
    <message>
        <source>The receipt platform&apos;s answer could not be accepted (%1); the receipt stays &quot;issuing&quot; until a query settles it.</source>
        <translation>票据平台的应答未予接受（%1）；票据将保持“开票中”状态，直至查询得出结果。</translation>
    </message>
</context>
<context>
    <name>ReceiptService</name>
    <message>
        <source>A receipt code (票据代码) has 8 digits.</source>
        <translation>票据代码为 8 位数字。</translation>
    </message>
    <message>
        <source>A receipt number range must lie within 0000000001–9999999999.</source>
        <translation>票据号码段必须在 0000000001–9999999999 范围内。</translation>
    </message>
    <message>
        <source>The range overlaps a range already configured for receipt code %1.</source>
        <translation>该号码段与票据代码 %1 已配置的号码段重叠。</translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation>该笔交款已不存在。</translation>
    </message>
    <message>
        <source>Only a paid deposit gets a receipt.</source>
        <translation>只有已交款的交存业务才能开具票据。</translation>
    </message>
    <message>
        <source>No receipt numbers are left: ask the administrator to configure a new number range.</source>
        <translation>票据号码已用完：请管理员配置新的号码段。</translation>
    </message>
    <message>
        <source>Another counter took the same receipt number. Please try again.</source>
        <translation>另一窗口占用了同一票据号码，请重试。</translation>
    </message>
    <message>
        <source>The receipt does not exist.</source>
        <translation>该票据不存在。</translation>
    </message>
    <message>
        <source>No receipt has been issued for this payment yet.</source>
        <translation>该笔交款尚未开具票据。</translation>
    </message>
    <message>
        <source>A receipt number (票据号码) has 10 digits.</source>
        <translation>票据号码为 10 位数字。</translation>
    </message>
    <message>
        <source>No receipt has code %1 and number %2.</source>
        <translation>没有票据代码为 %1、票据号码为 %2 的票据。</translation>
    </message>
    <message>
        <source>The receipt has not been issued yet.</source>
        <translation>该票据尚未开具。</translation>
    </message>
    <message>
        <source>A key file of the receipt issuer cannot be read (%1).</source>
        <translation>无法读取开票方的密钥文件（%1）。</translation>
    </message>
    <message>
        <source>The receipt issuer settings need &quot;payee&quot; and &quot;check_key&quot;.</source>
        <translation>开票方设置须包含“payee”和“check_key”。</translation>
    </message>
    <message>
        <source>The receipt page size must be A4, A5 or receipt.</source>
        <translation>票据纸张尺寸必须为 A4、A5 或 receipt。</translation>
    </message>
    <message>
        <source>The receipt platform&apos;s address must be an https:// URL.</source>
        <translation>票据平台地址必须是 https:// 网址。</translation>
    </message>
    <message>
        <source>A paper receipt has already been issued for this payment, so no e-receipt can be issued again (您的纸质票据已开具，不支持再次开具电子票据。). Reprint it from the paper exchange instead.</source>
        <translation>您的纸质票据已开具，不支持再次开具电子票据。请通过换开纸质功能重新打印。</translation>
    </message>
    <message>
        <source>Receipt %1 %2 has not been issued.</source>
        <translation>票据 %1 %2 尚未开具。</translation>
    </message>
    <message>
        <source>The check code (校验码) does not match receipt %1 %2: the receipt is not authentic or was mistyped.</source>
        <translation>校验码与票据 %1 %2 不符：该票据不是真实票据，或信息输入有误。</translation>
    </message>
    <message>
        <source>The amount does not match receipt %1 %2 (it was issued for %3 yuan).</source>
        <translation>金额与票据 %1 %2 不符（该票据开具金额为 %3 元）。</translation>
    </message>
    <message>
        <source>The issue date does not match receipt %1 %2 (it was issued on %3).</source>
        <translation>开票日期与票据 %1 %2 不符（该票据开具于 %3）。</translation>
    </message>
    <message>
        <source>Receipt %1 %2 is authentic but was reversed (已红冲): it is no longer valid.</source>
        <translation>票据 %1 %2 为真实票据，但已红冲，已失效。</translation>
    </message>
    <message>
        <source>Type the paper receipt&apos;s code (8 to 12 digits, printed on the paper form).</source>
        <translation>请输入纸质票据的票据代码（8 至 12 位数字，印于纸质票据上）。</translation>
    </message>
    <message>
        <source>Type the paper receipt&apos;s number (6 to 10 digits, printed on the paper form).</source>
        <translation>请输入纸质票据的票据号码（6 至 10 位数字，印于纸质票据上）。</translation>
    </message>
    <message>
        <source>Only an issued e-receipt that was not reversed can be exchanged for paper (换开纸质).</source>
        <translation>只有已开具且未红冲的电子票据才能换开纸质。</translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 has already been used. Take the next paper form.</source>
        <translation>纸质票据 %1 %2 已被使用。请取用下一张纸质票据。</translation>
    </message>
    <message>
        <source>A red reversal (红冲) needs a reason: type why the receipt is reversed.</source>
        <translation>红冲须填写原因：请输入红冲该票据的原因。</translation>
    </message>
    <message>
        <source>Only an issued receipt can be reversed (红冲), and only once.</source>
        <translation>只有已开具的票据才能红冲，且只能红冲一次。</translation>
    </message>
    <message>
        <source>The red reversal of this receipt was already approved; retry it instead.</source>
        <translation>该票据的红冲已审批通过；请改为重试红冲。</translation>
    </message>
    <message>
        <source>Nobody has requested a red reversal (红冲) of this receipt yet.</source>
        <translation>尚无人申请红冲该票据。</translation>
    </message>
    <message>
        <source>You requested this red reversal yourself: another supervisor must approve it.</source>
        <translation>该红冲由您本人申请：须由另一名主管审批。</translation>
    </message>
    <message>
        <source>receipt issuer settings file</source>
        <translation>开票方配置文件</translation>
    </message>
    <message>
        <source>This receipt was already exchanged for paper receipt %1. Give a reason to void that paper receipt and exchange again.</source>
        <translation>该票据已换开纸质票据 %1。请填写作废该纸质票据的原因后重新换开。</translation>
    </message>
    <message>
        <source>This receipt was exchanged for paper receipt %1, which the resident still holds. Take the paper receipt back and void it (收回纸质) before the red reversal (红冲).</source>
        <translation>该票据已换开纸质票据 %1，纸质票据仍在居民手中。请先收回并作废该纸质票据（收回纸质），再办理红冲。</translation>
    </message>
    <message>
        <source>Voiding a paper receipt needs a reason: type why it is taken back.</source>
        <translation>作废纸质票据须填写原因：请输入收回的原因。</translation>
    </message>
    <message>
        <source>This receipt has no paper receipt to void.</source>
        <translation>该票据没有可作废的纸质票据。</translation>
    </message>
    <message>
        <source>The red reversal (红冲) of this receipt was already approved: it can no longer be exchanged for paper.</source>
        <translation>该票据的红冲已经批准，不能再换开纸质票据。</translation>
    </message>
    <message>
        <source>The receipt issuer settings file %1 is not valid JSON (%2 at byte %3): correct it and start again.</source>
        <translation>开票方配置文件 %1 不是有效的 JSON（%2，位于第 %3 字节）：请更正后重新启动。</translation>
    </message>
</context>
<context>
    <name>ReceiptState</name>
    <message>
        <source>Issuing…</source>
        <translation>开票中…</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票成功</translation>
    </message>
    <message>
        <source>Issue failed</source>
        <translation>开票失败</translation>
    </message>
    <message>
        <source>Reversed (已红冲)</source>
        <translation>已红冲</translation>
    </message>
    <message>
        <source>Red reversal issuing…</source>
        <translation>红冲中…</translation>
    </message>
    <message>
        <source>Red receipt (红字)</source>
        <translation>红字</translation>
    </message>
    <message>
        <source>Red reversal failed</source>
        <translation>红冲失败</translation>
    </message>
</context>
<context>
    <name>ReceiptVerifier</name>
    <message>
        <source>The file is not a PDF, so it is not a receipt file.</source>
        <translation>该文件不是 PDF，因此不是票据文件。</translation>
    </message>
    <message>
        <source>The PDF carries no signed receipt data: it is not an e-receipt of this issuer.</source>
        <translation>该 PDF 不含经签名的票据数据：不是本开票方开具的电子票据。</translation>
    </message>
    <message>
        <source>The receipt&apos;s signature does not match its data: the file was altered or was not issued by this issuer.</source>
        <translation>票据签名与票据数据不符：文件已被篡改，或并非本开票方开具。</translation>
    </message>
    <message>
        <source>The receipt&apos;s signed data is incomplete.</source>
        <translation>票据的签名数据不完整。</translation>
    </message>
    <message>
        <source>The receipt&apos;s check code (校验码) does not match its code, number, amount and date.</source>
        <translation>票据的校验码与其票据代码、票据号码、金额和日期不符。</translation>
    </message>
</context>
<context>
    <name>ReceiptsTab</name>
    <message>
        <source>E-receipt for the current payment (电子票据)</source>
        <translation>本次交款的电子票据</translation>
    </message>
    <message>
        <source>Issue e-receipt (我要开票)</source>
        <translation>我要开票</translation>
    </message>
    <message>
        <source>Issue again (重新开票)</source>
        <translation>重新开票</translation>
    </message>
    <message>
        <source>Find a receipt by code and number</source>
        <translation>按票据代码和票据号码查询</translation>
    </message>
    <message>
        <source>&amp;Code (票据代码):</source>
        <translation>票据代码(&amp;C)：</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 位数字</translation>
    </message>
    <message>
        <source>&amp;Number (票据号码):</source>
        <translation>票据号码(&amp;N)：</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>10 位数字</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查询(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Print every issued receipt of the served house, for residents who cannot print at home</source>
        <translation>打印所办理房屋的全部已开具票据，供无法在家打印的居民使用</translation>
    </message>
    <message>
        <source>Print &amp;all of this house…</source>
        <translation>打印该房屋全部票据(&amp;A)…</translation>
    </message>
</context>
<context>
    <name>ReconciliationService</name>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in the column %2 is not an amount in yuan with at most two decimals.</source>
        <translation>“%2”列中的“%1”不是最多两位小数的金额（元）。</translation>
    </message>
    <message>
        <source>This is not a %1: the header has no column %2.</source>
        <translation>这不是%1：表头中没有“%2”列。</translation>
    </message>
    <message>
        <source>The Alipay bill is not a readable ZIP archive: %1</source>
        <translation>支付宝账单不是可读取的 ZIP 压缩包：%1</translation>
    </message>
    <message>
        <source>the file is too short.</source>
        <translation>文件过短。</translation>
    </message>
    <message>
        <source>its directory is missing (damaged or cut short).</source>
        <translation>缺少压缩包目录（文件已损坏或被截断）。</translation>
    </message>
    <message>
        <source>ZIP64 archives are not supported.</source>
        <translation>不支持 ZIP64 压缩包。</translation>
    </message>
    <message>
        <source>multi-part archives are not supported.</source>
        <translation>不支持分卷压缩包。</translation>
    </message>
    <message>
        <source>it holds %1 files, more than %2.</source>
        <translation>其中包含 %1 个文件，超过上限（%2 个）。</translation>
    </message>
    <message>
        <source>its directory points outside the file.</source>
        <translation>压缩包目录指向文件范围之外。</translation>
    </message>
    <message>
        <source>its directory is damaged.</source>
        <translation>压缩包目录已损坏。</translation>
    </message>
    <message>
        <source>the file %1 is encrypted.</source>
        <translation>其中的文件 %1 已加密。</translation>
    </message>
    <message>
        <source>the file %1 uses compression method %2; only stored and deflate are supported.</source>
        <translation>其中的文件 %1 使用压缩方法 %2；仅支持 stored（不压缩）和 deflate。</translation>
    </message>
    <message>
        <source>the file %1 is larger than %2 MiB.</source>
        <translation>其中的文件 %1 大于 %2 MiB。</translation>
    </message>
    <message>
        <source>the file %1 is damaged.</source>
        <translation>其中的文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>the file %1 is cut short.</source>
        <translation>其中的文件 %1 不完整（已被截断）。</translation>
    </message>
    <message>
        <source>The ZIP archive cannot be unpacked.</source>
        <translation>无法解压该 ZIP 压缩包。</translation>
    </message>
    <message>
        <source>the file %1 is damaged (checksum).</source>
        <translation>其中的文件 %1 已损坏（校验和不符）。</translation>
    </message>
    <message>
        <source>The WeChat Pay bill is not UTF-8 text.</source>
        <translation>微信支付账单不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>WeChat Pay trade bill</source>
        <translation>微信支付交易账单</translation>
    </message>
    <message>
        <source>The WeChat Pay bill is empty.</source>
        <translation>微信支付账单为空。</translation>
    </message>
    <message>
        <source>a data line of a WeChat Pay bill must start with a backtick (`).</source>
        <translation>微信支付账单的数据行必须以反引号（`）开头。</translation>
    </message>
    <message>
        <source>the line has %1 fields but the header has %2 columns.</source>
        <translation>本行有 %1 个字段，但表头有 %2 列。</translation>
    </message>
    <message>
        <source>the merchant order number (商户订单号) is empty.</source>
        <translation>商户订单号为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (yyyy-MM-dd HH:mm:ss).</source>
        <translation>“%1”不是有效的时间（yyyy-MM-dd HH:mm:ss）。</translation>
    </message>
    <message>
        <source>unknown trade state (交易状态) &quot;%1&quot;.</source>
        <translation>未知的交易状态“%1”。</translation>
    </message>
    <message>
        <source>The WeChat Pay bill ends without its summary (总交易单数): the file is incomplete.</source>
        <translation>微信支付账单末尾缺少汇总部分（总交易单数）：文件不完整。</translation>
    </message>
    <message>
        <source>The Alipay bill is neither GBK/GB18030 nor UTF-8 text.</source>
        <translation>支付宝账单既不是 GBK/GB18030 文本，也不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Alipay bill (业务明细)</source>
        <translation>支付宝账单（业务明细）</translation>
    </message>
    <message>
        <source>the line cannot be read as CSV.</source>
        <translation>本行无法按 CSV 格式读取。</translation>
    </message>
    <message>
        <source>The Alipay bill has no header line.</source>
        <translation>支付宝账单没有表头行。</translation>
    </message>
    <message>
        <source>The Alipay bill ends without its end marker (业务明细列表结束): the file is incomplete.</source>
        <translation>支付宝账单末尾缺少结束标记（业务明细列表结束）：文件不完整。</translation>
    </message>
    <message>
        <source>a quoted field is never closed.</source>
        <translation>带引号的字段没有结束。</translation>
    </message>
    <message>
        <source>The POS settlement is empty.</source>
        <translation>POS 结算单为空。</translation>
    </message>
    <message>
        <source>POS settlement</source>
        <translation>POS 结算单</translation>
    </message>
    <message>
        <source>the reference number (参考号, RRN) must be 12 digits.</source>
        <translation>参考号（RRN）必须为 12 位数字。</translation>
    </message>
    <message>
        <source>the terminal number (终端号) must be 8 digits.</source>
        <translation>终端号必须为 8 位数字。</translation>
    </message>
    <message>
        <source>the batch number (批次号) must be 6 digits.</source>
        <translation>批次号必须为 6 位数字。</translation>
    </message>
    <message>
        <source>the trace number (凭证号) must be 6 digits.</source>
        <translation>凭证号必须为 6 位数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date (yyyy-MM-dd).</source>
        <translation>“%1”不是有效的日期（yyyy-MM-dd）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (HH:mm:ss).</source>
        <translation>“%1”不是有效的时间（HH:mm:ss）。</translation>
    </message>
    <message>
        <source>the amount is zero.</source>
        <translation>金额为零。</translation>
    </message>
    <message>
        <source>The bill holds no payments or refunds: nothing to import.</source>
        <translation>该账单中没有支付或退款记录：没有可导入的内容。</translation>
    </message>
    <message>
        <source>The Alipay bill archive holds no 业务明细 CSV file.</source>
        <translation>支付宝账单压缩包中没有业务明细 CSV 文件。</translation>
    </message>
    <message>
        <source>No %1 bill for %2 has been imported.</source>
        <translation>尚未导入 %2 的 %1 账单。</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>bank card (POS)</source>
        <translation>银行卡（POS）</translation>
    </message>
</context>
<context>
    <name>RefundService</name>
    <message>
        <source>The reference number (参考号) on the POS refund slip has 12 digits.</source>
        <translation>POS 退款签购单上的参考号为 12 位数字。</translation>
    </message>
    <message>
        <source>This payment method cannot refund at this counter.</source>
        <translation>该支付方式不能在本窗口退款。</translation>
    </message>
    <message>
        <source>The refund no longer exists.</source>
        <translation>该笔退款已不存在。</translation>
    </message>
    <message>
        <source>The payment no longer exists.</source>
        <translation>该笔交款已不存在。</translation>
    </message>
    <message>
        <source>Refund %1 is %2 and cannot become %3.</source>
        <translation>退款 %1 的状态为“%2”，不能变为“%3”。</translation>
    </message>
    <message>
        <source>Refund %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation>退款 %1 同时在别处被修改，请重新查看。</translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) was already refunded. Do not refund it again.</source>
        <translation>交款 %1（交存业务 %2）已退款。请勿重复退款。</translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) is already being refunded (%3), requested by %4 at counter %5. Query that refund instead of starting another.</source>
        <translation>交款 %1（交存业务 %2）正在退款（%3），由 %4 在窗口 %5 申请。请查询该笔退款，勿另行发起退款。</translation>
    </message>
    <message>
        <source>Payment %1 is %2: only a paid payment can be refunded.</source>
        <translation>交款 %1 的状态为“%2”：只有已支付的交款才能退款。</translation>
    </message>
    <message>
        <source>Payment %1 (deposit %2) still has a valid e-receipt. Reverse the receipt (红冲) first, then refund.</source>
        <translation>交款 %1（交存业务 %2）仍有有效的电子票据。请先红冲票据，再退款。</translation>
    </message>
    <message>
        <source>Cash payment %1 was taken in a till of counter %2 that is already closed (日结): its cash has left the counter. Have the finance office (财务) refund it by bank transfer.</source>
        <translation>现金交款 %1 收入窗口 %2 的款箱，该款箱已日结，现金已离开窗口。请由财务通过银行转账退款。</translation>
    </message>
    <message>
        <source>Cash payment %1 was taken at counter %2: refund it there, from the till that holds the cash.</source>
        <translation>现金交款 %1 在窗口 %2 收取：请在该窗口从存放该笔现金的款箱中退款。</translation>
    </message>
    <message>
        <source>The house&apos;s fund account holds only %1 yuan of principal, less than the %2 yuan to refund (money was already used). A refund is not possible at the counter.</source>
        <translation>该房屋维修资金账户的本金仅有 %1 元，少于应退的 %2 元（资金已被使用）。无法在窗口退款。</translation>
    </message>
    <message>
        <source>Enter the reason for the refund.</source>
        <translation>请输入退款原因。</translation>
    </message>
    <message>
        <source>Payment %1 is already being refunded. Query that refund instead of starting another.</source>
        <translation>交款 %1 正在退款。请查询该笔退款，勿另行发起退款。</translation>
    </message>
    <message>
        <source>Refund %1 failed: %2 Request a new refund if it is still due.</source>
        <translation>退款 %1 失败：%2 如仍需退款，请重新申请退款。</translation>
    </message>
    <message>
        <source>The channel reports refund %1 succeeded although it was recorded as failed. Nothing was booked; a supervisor must reconcile it.</source>
        <translation>支付渠道报告退款 %1 已成功，但其记录为失败。未记账；须由主管对账处理。</translation>
    </message>
    <message>
        <source>The channel reports %1 yuan refunded for refund %2, but %3 yuan were asked. Nothing was booked; a supervisor must reconcile it.</source>
        <translation>支付渠道报告退款 %2 已退 %1 元，但申请退款 %3 元。未记账；须由主管对账处理。</translation>
    </message>
    <message>
        <source>The channel reports refund %1 succeeded, but payment %2 is %3. Nothing was booked; a supervisor must reconcile it.</source>
        <translation>支付渠道报告退款 %1 已成功，但交款 %2 的状态为“%3”。未记账；须由主管对账处理。</translation>
    </message>
    <message>
        <source>The house has no fund account to reverse the payment in.</source>
        <translation>该房屋没有维修资金账户，无法冲回该笔交款。</translation>
    </message>
    <message>
        <source>Deposit %1 is not marked paid; the refund was not booked. Look at it again.</source>
        <translation>交存业务 %1 未标记为已交款；该笔退款未记账。请重新查看。</translation>
    </message>
    <message>
        <source>Payment %1 was changed at the same moment elsewhere. Look at it again.</source>
        <translation>交款 %1 同时在别处被修改，请重新查看。</translation>
    </message>
</context>
<context>
    <name>RefundState</name>
    <message>
        <source>requested, not confirmed yet</source>
        <translation>已申请，尚未确认</translation>
    </message>
    <message>
        <source>processing at the channel</source>
        <translation>渠道处理中</translation>
    </message>
    <message>
        <source>result unknown — querying</source>
        <translation>结果未知，查询中</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>refund failed</source>
        <translation>退款失败</translation>
    </message>
</context>
<context>
    <name>Registration</name>
    <message>
        <source>Add house (个人造册)</source>
        <translation>个人造册</translation>
    </message>
    <message>
        <source>Bind house (去绑定)</source>
        <translation>去绑定</translation>
    </message>
    <message>
        <source>Owner change (业主信息变更)</source>
        <translation>业主信息变更</translation>
    </message>
    <message>
        <source>Under review (需审核)</source>
        <translation>需审核</translation>
    </message>
    <message>
        <source>Approved (已绑定)</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <source>Rejected (未通过)</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Returned for more documents (退回补件)</source>
        <translation>退回补件</translation>
    </message>
    <message>
        <source>Bound at once (已绑定)</source>
        <translation>已绑定</translation>
    </message>
</context>
<context>
    <name>RegistrationQueueModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>坐落</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>证明材料</translation>
    </message>
</context>
<context>
    <name>RegistrationService</name>
    <message>
        <source>Enter the resident&apos;s ID number.</source>
        <translation>请输入居民身份证号。</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s name as written on the ID card.</source>
        <translation>请按身份证填写居民姓名。</translation>
    </message>
    <message>
        <source>No house with %1 is known. Add the house with proof documents and its address instead.</source>
        <translation>未找到与%1 对应的房屋。请改为凭证明材料和坐落添加房屋。</translation>
    </message>
    <message>
        <source>Several houses have %1. Use the 不动产权证号 or the proof documents with the address instead.</source>
        <translation>%1 对应多套房屋。请改用不动产权证号，或凭证明材料和坐落办理。</translation>
    </message>
    <message>
        <source>Enter the online contract number (网签合同编号).</source>
        <translation>请输入网签合同编号。</translation>
    </message>
    <message>
        <source>the online contract number %1</source>
        <translation>网签合同编号 %1</translation>
    </message>
    <message>
        <source>Enter the property certificate number (不动产权证号).</source>
        <translation>请输入不动产权证号。</translation>
    </message>
    <message>
        <source>the property certificate number %1</source>
        <translation>不动产权证号 %1</translation>
    </message>
    <message>
        <source>Enter the resident&apos;s phone number, so the district office can reach them about the review.</source>
        <translation>请输入居民的联系电话，以便区管理部就审核事宜与其联系。</translation>
    </message>
    <message>
        <source>%1 is not a phone number: use digits only (a mobile number or an area code and number).</source>
        <translation>%1 不是有效的电话号码：只能填写数字（手机号码，或区号加电话号码）。</translation>
    </message>
    <message>
        <source>%1 files are attached; a request may carry at most %2. Combine pages into one PDF.</source>
        <translation>已附 %1 个文件，每份申请最多可附 %2 个。请将多页合并为一个 PDF 文件。</translation>
    </message>
    <message>
        <source>%1 is the same file as %2, which is already attached. Attach each document once.</source>
        <translation>%1 与已附的 %2 为同一文件。每份材料只需附一次。</translation>
    </message>
    <message>
        <source>Type the house&apos;s address (坐落) as written on the proof documents.</source>
        <translation>请按证明材料填写房屋坐落。</translation>
    </message>
    <message>
        <source>Attach at least one proof document (a PDF, JPEG or PNG scan).</source>
        <translation>请至少附一份证明材料（PDF、JPEG 或 PNG 扫描件）。</translation>
    </message>
    <message>
        <source>Choose the house from a lookup result first.</source>
        <translation>请先从查询结果中选择房屋。</translation>
    </message>
    <message>
        <source>Choose the district (区) the house is in.</source>
        <translation>请选择房屋所在的区。</translation>
    </message>
    <message>
        <source>The resident is not the recorded owner of this house, so the request needs review: attach at least one proof document (a PDF, JPEG or PNG scan).</source>
        <translation>该居民不是系统登记的该房屋业主，申请需审核：请至少附一份证明材料（PDF、JPEG 或 PNG 扫描件）。</translation>
    </message>
    <message>
        <source>Request No. %1 (%2) for this house is already waiting for review (submitted %3 by %4). Wait for its decision, or add the new documents to it if it is returned.</source>
        <translation>该房屋已有申请 %1（%2）正在等待审核（由 %4 于 %3 提交）。请等待审核结果；如该申请被退回补件，可将新材料补充到该申请中。</translation>
    </message>
    <message>
        <source>The ID number %1 is recorded under another name. Check the name as written on the ID card.</source>
        <translation>身份证号 %1 登记的是另一姓名。请核对身份证上的姓名。</translation>
    </message>
    <message>
        <source>Attach the further proof documents the reviewer asked for before resubmitting.</source>
        <translation>请先附上审核员要求补充的证明材料，再重新提交。</translation>
    </message>
    <message>
        <source>There is no registration request No. %1.</source>
        <translation>没有编号为 %1 的造册申请。</translation>
    </message>
    <message>
        <source>Request No. %1 is %2: only a request returned for more documents can be resubmitted.</source>
        <translation>申请 %1 的状态为“%2”：只有被退回补件的申请才能重新提交。</translation>
    </message>
    <message>
        <source>A request may carry at most %1 files; %2 are already attached. Combine pages into one PDF.</source>
        <translation>每份申请最多可附 %1 个文件，已附 %2 个。请将多页合并为一个 PDF 文件。</translation>
    </message>
    <message>
        <source>Request No. %1 for this house is already waiting for review; request No. %2 cannot be resubmitted until it is decided.</source>
        <translation>该房屋的申请 %1 正在等待审核；在其审核完成前，申请 %2 不能重新提交。</translation>
    </message>
    <message>
        <source>Give the reason for rejecting the request: the resident is told it.</source>
        <translation>请填写申请未通过的原因，该原因将告知居民。</translation>
    </message>
    <message>
        <source>Say which documents are missing: the resident is told it.</source>
        <translation>请注明缺少哪些材料，该内容将告知居民。</translation>
    </message>
    <message>
        <source>Request No. %1 is no longer waiting for review: it is %2.</source>
        <translation>申请 %1 已不在待审核状态：当前状态为“%2”。</translation>
    </message>
    <message>
        <source>You submitted request No. %1, so you may not decide it: another supervisor or reviewer must.</source>
        <translation>申请 %1 由您本人提交，您不能审核：须由其他主管或审核员审核。</translation>
    </message>
    <message>
        <source>Request No. %1 is for another house.</source>
        <translation>申请 %1 属于另一套房屋。</translation>
    </message>
    <message>
        <source>Request No. %1 names no known house: find the house by its address and choose it before approving, or return the request.</source>
        <translation>申请 %1 未对应系统中已有的房屋：请先按坐落查找并选择房屋后再审核通过，或将申请退回补件。</translation>
    </message>
    <message>
        <source>There is no house with the ID %1.</source>
        <translation>没有编号为 %1 的房屋。</translation>
    </message>
    <message>
        <source>Request No. %1 for the same house is also waiting for review: decide that one first.</source>
        <translation>同一房屋的申请 %1 也在等待审核：请先审核该申请。</translation>
    </message>
    <message>
        <source>The proof document %1 no longer exists.</source>
        <translation>证明材料 %1 已不存在。</translation>
    </message>
</context>
<context>
    <name>RemoteReceiptPlatform</name>
    <message>
        <source>receipt platform %1</source>
        <translation>票据平台 %1</translation>
    </message>
    <message>
        <source>The receipt platform answered with something that is not JSON (HTTP %1); the result is unknown.</source>
        <translation>票据平台返回的内容不是 JSON（HTTP %1），结果未知。</translation>
    </message>
    <message>
        <source>The receipt platform refused to issue the receipt.</source>
        <translation>票据平台拒绝开具该票据。</translation>
    </message>
    <message>
        <source>The receipt platform did not confirm the receipt (HTTP %1, %2); the result is unknown.</source>
        <translation>票据平台未确认该票据（HTTP %1，%2），结果未知。</translation>
    </message>
    <message>
        <source>The receipt platform&apos;s layout file is damaged; the result is unknown.</source>
        <translation>票据平台的版式文件已损坏，结果未知。</translation>
    </message>
    <message>
        <source>No answer from the receipt platform (%1); the result is unknown and will be queried.</source>
        <translation>票据平台无应答（%1），结果未知，系统将进行查询。</translation>
    </message>
    <message>
        <source>The receipt platform answered about another business serial; the result is unknown.</source>
        <translation>票据平台返回的是另一业务流水号的应答，结果未知。</translation>
    </message>
</context>
<context>
    <name>StaffRole</name>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Reviewer (审核员)</source>
        <translation>审核员</translation>
    </message>
</context>
<context>
    <name>StaffService</name>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>该账号已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for %1 more minute(s).</source>
        <translation>密码错误次数过多：该账号还将锁定 %1 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for %1 minutes.</source>
        <translation>密码错误次数过多：该账号已锁定 %1 分钟。</translation>
    </message>
    <message>
        <source>A user name is 2–32 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter.</source>
        <translation>用户名为 2–32 位小写字母、数字、“.”、“_”或“-”，须以字母开头。</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name.</source>
        <translation>请输入工作人员姓名。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>There is already a staff member with the user name %1.</source>
        <translation>已有用户名为 %1 的工作人员。</translation>
    </message>
    <message>
        <source>There is no staff member with the user name %1.</source>
        <translation>没有用户名为 %1 的工作人员。</translation>
    </message>
</context>
<context>
    <name>TillService</name>
    <message>
        <source>Till %1 does not exist.</source>
        <translation>款箱 %1 不存在。</translation>
    </message>
    <message>
        <source>%1 (deposit %2, %3, %4, started by %5)</source>
        <translation>%1（交存业务 %2，%3，%4，由 %5 发起）</translation>
    </message>
    <message>
        <source>%1 yuan is not a denomination of renminbi.</source>
        <translation>%1 元不是人民币券别。</translation>
    </message>
    <message>
        <source>The number of %1 yuan notes or coins cannot be negative.</source>
        <translation>%1 元券别的张/枚数不能为负数。</translation>
    </message>
    <message>
        <source>%1 pieces of %2 yuan is more than a till can hold. Check the count.</source>
        <translation>%2 元券别 %1 张/枚，超出款箱可容纳的数量。请核对清点数。</translation>
    </message>
    <message>
        <source>The opening float cannot be negative.</source>
        <translation>备用金不能为负数。</translation>
    </message>
    <message>
        <source>Counter %1 already has an open till (no. %2), opened by %3 at %4. Close it before opening another.</source>
        <translation>窗口 %1 已有一个未日结的款箱（编号 %2），由 %3 于 %4 开箱。请先将其日结，再开新款箱。</translation>
    </message>
    <message>
        <source>Till %1 of counter %2 is already closed.</source>
        <translation>窗口 %2 的款箱 %1 已日结。</translation>
    </message>
    <message>
        <source>Till %1 cannot be closed while payments at counter %2 are still in progress: %3. Finish, query or close them first.</source>
        <translation>窗口 %2 仍有进行中的交款，款箱 %1 不能日结：%3。请先完成、查询或关闭这些交款。</translation>
    </message>
    <message>
        <source>The counted cash (%1 yuan) differs from the expected cash (%2 yuan) by %3 yuan. Enter a note explaining the difference.</source>
        <translation>实点现金（%1 元）与应有现金（%2 元）相差 %3 元。请填写差额说明。</translation>
    </message>
    <message>
        <source>Till %1 is still open: it must be closed and counted before a variance can be approved.</source>
        <translation>款箱 %1 尚未日结：须先日结并清点现金，才能审批长短款。</translation>
    </message>
    <message>
        <source>Till %1 is already closed; there is no variance waiting for approval.</source>
        <translation>款箱 %1 已完成日结，没有待审批的长短款。</translation>
    </message>
    <message>
        <source>You closed till %1 yourself; another supervisor must approve its variance.</source>
        <translation>款箱 %1 由您本人日结；其长短款须由另一名主管审批。</translation>
    </message>
    <message>
        <source>Counter %1 has no open till. Open the till (款箱) with its float in the Till tab before collecting.</source>
        <translation>%1 号窗口没有已开启的款箱。请先在【款箱】页开启款箱并登记备用金，再收款。</translation>
    </message>
    <message>
        <source>refund %1 (deposit %2, %3, %4, requested by %5)</source>
        <translation>退款 %1（交存业务 %2，%3，%4，由 %5 申请）</translation>
    </message>
    <message>
        <source>An opening float of %1 yuan is more than a till holds (at most %2 yuan). Check the amount.</source>
        <translation>备用金 %1 元超过款箱上限（最多 %2 元），请核对金额。</translation>
    </message>
</context>
<context>
    <name>WechatCodeChannel</name>
    <message>
        <source>WeChat Pay refused the payment: %1</source>
        <translation>微信支付拒绝了该笔支付：%1</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay could not be verified; the result is unknown.</source>
        <translation>微信支付的应答未通过验签，结果未知。</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another merchant.</source>
        <translation>微信支付的应答属于另一商户。</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another order.</source>
        <translation>微信支付的应答属于另一笔订单。</translation>
    </message>
    <message>
        <source>WeChat Pay reports a different amount than the order.</source>
        <translation>微信支付报告的金额与订单金额不一致。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order.</source>
        <translation>微信支付查无此订单。</translation>
    </message>
</context>
<context>
    <name>WechatNativeChannel</name>
    <message>
        <source>WeChat Pay refused the request: %1</source>
        <translation>微信支付拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay could not be verified; the result is unknown.</source>
        <translation>微信支付的应答未通过验签，结果未知。</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another merchant or order.</source>
        <translation>微信支付的应答属于另一商户或另一笔订单。</translation>
    </message>
    <message>
        <source>WeChat Pay reports a different amount than the order.</source>
        <translation>微信支付报告的金额与订单金额不一致。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this order.</source>
        <translation>微信支付查无此订单。</translation>
    </message>
    <message>
        <source>The answer from WeChat Pay is for another refund.</source>
        <translation>微信支付的应答属于另一笔退款。</translation>
    </message>
    <message>
        <source>WeChat Pay reports a different refund amount than asked.</source>
        <translation>微信支付报告的退款金额与申请金额不一致。</translation>
    </message>
    <message>
        <source>WeChat Pay does not know this refund.</source>
        <translation>微信支付查无此退款。</translation>
    </message>
</context>
<context>
    <name>WechatPayV2</name>
    <message>
        <source>The answer from WeChat Pay could not be verified and was not accepted.</source>
        <translation>微信支付的应答未通过验签，未予接受。</translation>
    </message>
    <message>
        <source>WeChat Pay sent an answer that could not be read.</source>
        <translation>微信支付返回的应答无法解析。</translation>
    </message>
    <message>
        <source>The WeChat Pay order is not valid: %1</source>
        <translation>微信支付订单无效：%1</translation>
    </message>
    <message>
        <source>No WeChat Pay API key is configured.</source>
        <translation>未配置微信支付 API 密钥。</translation>
    </message>
</context>
<context>
    <name>WechatPayV3</name>
    <message>
        <source>The answer from WeChat Pay could not be verified and was not accepted.</source>
        <translation>微信支付的应答未通过验签，未予接受。</translation>
    </message>
    <message>
        <source>The WeChat Pay order is not valid: %1</source>
        <translation>微信支付订单无效：%1</translation>
    </message>
    <message>
        <source>WeChat Pay sent an answer that could not be read.</source>
        <translation>微信支付返回的应答无法解析。</translation>
    </message>
</context>
<context>
    <name>fund::models::DepositRequestModel</name>
    <message>
        <source>%1 – %2 (to be entered)</source>
        <translation>%1 – %2（待录入）</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>业务流水号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>交存类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
</context>
<context>
    <name>fund::models::HouseListModel</name>
    <message>
        <source>Address</source>
        <translation>坐落</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <source>House type</source>
        <translation>房屋类型</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation>待交存</translation>
    </message>
</context>
<context>
    <name>fund::models::LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Interest balance</source>
        <translation>利息余额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>fund::models::ReceiptListModel</name>
    <message>
        <source>Receipt code</source>
        <translation>票据代码</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>票据号码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>交款人</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开票时间</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>(red reversal requested)</source>
        <translation>（已申请红冲）</translation>
    </message>
    <message>
        <source>(paper %1 %2)</source>
        <translation>（纸质票据 %1 %2）</translation>
    </message>
</context>
<context>
    <name>fund::ui::ConnectionProfileDialog</name>
    <message>
        <source>verify-full: encrypted, certificate and host name checked (recommended)</source>
        <translation>verify-full：加密，校验证书和主机名（推荐）</translation>
    </message>
    <message>
        <source>verify-ca: encrypted, certificate checked</source>
        <translation>verify-ca：加密，校验证书</translation>
    </message>
    <message>
        <source>require: encrypted, server not verified</source>
        <translation>require：加密，不验证服务器</translation>
    </message>
    <message>
        <source>disable: not encrypted (this computer or a closed network only)</source>
        <translation>disable：不加密（仅限本机或封闭网络）</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA证书文件</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s host name or address.</source>
        <translation>请输入数据库服务器的主机名或地址。</translation>
    </message>
    <message>
        <source>Enter the name of the database on the server.</source>
        <translation>请输入服务器上的数据库名称。</translation>
    </message>
    <message>
        <source>Enter the user name for the database server.</source>
        <translation>请输入数据库服务器的用户名。</translation>
    </message>
    <message>
        <source>Choose the CA certificate file: %1 checks the server&apos;s certificate against it.</source>
        <translation>请选择CA证书文件：%1 方式要用它校验服务器证书。</translation>
    </message>
    <message>
        <source>The connection to %1 works.</source>
        <translation>测试连接成功：%1 连接正常。</translation>
    </message>
</context>
<context>
    <name>fund::ui::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>客户显示屏</translation>
    </message>
    <message>
        <source>Beijing Residential Special Maintenance Fund</source>
        <translation>北京市住宅专项维修资金</translation>
    </message>
    <message>
        <source>Welcome to the maintenance fund service counter</source>
        <extracomment>On the customer display between residents: 欢迎来到维修资金服务窗口</extracomment>
        <translation>欢迎来到维修资金服务窗口</translation>
    </message>
    <message>
        <source>Window %1</source>
        <extracomment>The counter window&apos;s number on the customer display: 窗口 %1</extracomment>
        <translation>窗口 %1</translation>
    </message>
    <message>
        <source>Owner %1</source>
        <translation>业主 %1</translation>
    </message>
    <message>
        <source>Owner %1   ID %2</source>
        <translation>业主 %1   证件号 %2</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <extracomment>应付金额 / 已付金额</extracomment>
        <translation>已付金额</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应交金额</translation>
    </message>
    <message>
        <source>being entered…</source>
        <translation>录入中…</translation>
    </message>
    <message>
        <source>Cash received %1</source>
        <extracomment>实收现金</extracomment>
        <translation>实收现金 %1</translation>
    </message>
    <message>
        <source>Not enough yet</source>
        <translation>金额不足</translation>
    </message>
    <message>
        <source>Change %1</source>
        <extracomment>找零</extracomment>
        <translation>找零 %1</translation>
    </message>
    <message>
        <source>Please check the house details</source>
        <extracomment>请核对房屋信息</extracomment>
        <translation>请核对房屋信息</translation>
    </message>
    <message>
        <source>Awaiting payment</source>
        <extracomment>等待付款</extracomment>
        <translation>等待付款</translation>
    </message>
    <message>
        <source>Paid — issuing your e-receipt…</source>
        <extracomment>开票中</extracomment>
        <translation>已付款，电子票据开票中…</translation>
    </message>
    <message>
        <source>Paid — the e-receipt failed, the clerk will issue it again</source>
        <extracomment>开票失败，窗口将重新开票</extracomment>
        <translation>已付款，电子票据开票失败，窗口将重新开票</translation>
    </message>
    <message>
        <source>Paid. Thank you</source>
        <extracomment>已收款</extracomment>
        <translation>已收款，谢谢！</translation>
    </message>
    <message>
        <source>Paid — e-receipt issued</source>
        <extracomment>开票成功</extracomment>
        <translation>已付款，电子票据开票成功</translation>
    </message>
    <message>
        <source>Receipt code %1
Receipt number %2</source>
        <extracomment>票据代码 / 票据号码</extracomment>
        <translation>票据代码 %1
票据号码 %2</translation>
    </message>
    <message>
        <source>Scan with %1 to pay</source>
        <extracomment>Under the payment QR on the customer display: 请使用微信扫码支付 / 请使用支付宝扫码支付</extracomment>
        <translation>请使用%1扫码支付</translation>
    </message>
</context>
<context>
    <name>fund::ui::FundTab</name>
    <message>
        <source>This house has no fund account entries yet.</source>
        <translation>该房屋尚无资金明细记录。</translation>
    </message>
    <message>
        <source>Refund (退款)…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <source>Refund the payment of the selected entry to the resident (supervisors)</source>
        <translation>将所选明细的交款退还给居民（限主管）</translation>
    </message>
</context>
<context>
    <name>fund::ui::HousesTab</name>
    <message>
        <source>%1 has no house registered with the maintenance fund. You can add the house (个人造册) or take a quick deposit by serial number.</source>
        <translation>%1 名下没有在维修资金系统登记的房屋。可以添加房屋（个人造册），或凭业务流水号快速交存。</translation>
    </message>
    <message>
        <source>Houses of %1 (房屋列表): %2</source>
        <translation>%1 的房屋列表：%2</translation>
    </message>
    <message>
        <source>No house matches “%1” — you can add the house (个人造册).</source>
        <translation>没有与“%1”匹配的房屋，可以添加房屋（个人造册）。</translation>
    </message>
    <message>
        <source>Choose a house in the list.</source>
        <translation>请在列表中选择房屋。</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>坐落</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <source>House type</source>
        <translation>房屋类型</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation>待交存</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Co-owners</source>
        <translation>共有人</translation>
    </message>
    <message>
        <source>Not the identified resident&apos;s house: the owner&apos;s identity is not shown.</source>
        <translation>非已识别居民名下的房屋：不显示业主身份信息。</translation>
    </message>
    <message>
        <source>Identify the resident by ID card, or find the house: its details appear here.</source>
        <translation>请凭身份证识别居民，或查找房屋：房屋详情将显示在此处。</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
</context>
<context>
    <name>fund::ui::LockScreen</name>
    <message>
        <source>%1 (%2) is signed in. Enter the password to continue, or sign out so that someone else can sign in.</source>
        <translation>当前登录：%1（%2）。请输入密码继续办理；如需由其他人登录，请退出登录。</translation>
    </message>
</context>
<context>
    <name>fund::ui::MainWindow</name>
    <message>
        <source>Fund Counter</source>
        <translation>维修资金柜台端</translation>
    </message>
    <message>
        <source>House lookup</source>
        <translation>房屋查询</translation>
    </message>
    <message>
        <source>Fund details</source>
        <translation>资金明细</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>交款</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>电子票据</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Next resident</source>
        <translation>办结/下一位</translation>
    </message>
    <message>
        <source>End this service: the customer display blanks and the forms are cleared (F12)</source>
        <translation>结束本次服务：客户显示屏清屏，表单清空（F12）</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Counter %1</source>
        <translation>窗口 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>No resident being served — find a house to begin.</source>
        <translation>当前无正在办理的居民，请先查找房屋。</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Awaiting payment of %1</source>
        <translation>等待交款 %1</translation>
    </message>
    <message>
        <source>Paid %1 — issue the receipt</source>
        <translation>已收款 %1，请开具电子票据</translation>
    </message>
    <message>
        <source>Receipt %1 issued</source>
        <translation>票据 %1 开票成功</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>The payment has no receipt yet. End the service anyway? The receipt can be issued later from the house&apos;s receipts.</source>
        <translation>该笔交款尚未开具票据。仍要结束本次服务吗？票据可稍后在该房屋的票据中开具。</translation>
    </message>
    <message>
        <source>End the current service and sign out?</source>
        <translation>结束当前服务并退出登录？</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock the window while you step away; your password unlocks it (Ctrl+L)</source>
        <translation>暂时离开时锁定窗口，输入本人密码解锁（Ctrl+L）</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>款箱</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Registration (个人造册)</source>
        <translation>个人造册</translation>
    </message>
    <message>
        <source>Review (审核)</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>fund::ui::PaymentTab</name>
    <message>
        <source>House: %1</source>
        <translation>房屋：%1</translation>
    </message>
    <message>
        <source>No house is being served. Find one on the Houses tab, or use quick deposit.</source>
        <translation>当前未办理任何房屋。请在“房屋查询”页查找房屋，或使用快速交存。</translation>
    </message>
    <message>
        <source>%1 · %2 · due %3</source>
        <translation>%1 · %2 · 截止日期 %3</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>无截止日期</translation>
    </message>
    <message>
        <source>Fixed amount: confirm it with the payer.</source>
        <translation>固定金额：请与交款人确认。</translation>
    </message>
    <message>
        <source>Enter an amount between %1 and %2 yuan.</source>
        <translation>请输入 %1 元至 %2 元之间的金额。</translation>
    </message>
    <message>
        <source>Select a pending deposit first.</source>
        <translation>请先选择一笔待交存业务。</translation>
    </message>
    <message>
        <source>Enter the amount to deposit in yuan, e.g. 1234.50.</source>
        <translation>请输入交存金额（元），例如 1234.50。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount in yuan. Type digits with at most two decimals, e.g. 1234.50.</source>
        <translation>“%1”不是有效的金额（元）。请输入数字，最多两位小数，例如 1234.50。</translation>
    </message>
    <message>
        <source>This house has no pending deposit (待交存).</source>
        <translation>该房屋没有待交存业务。</translation>
    </message>
    <message>
        <source>Select a pending deposit to collect it.</source>
        <translation>请选择一笔待交存业务进行收款。</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>已收金额</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应交金额</translation>
    </message>
    <message>
        <source>Not a valid amount</source>
        <translation>金额无效</translation>
    </message>
    <message>
        <source>Enter the amount first</source>
        <translation>请先输入金额</translation>
    </message>
    <message>
        <source>Not enough: %1 yuan short</source>
        <translation>金额不足：还差 %1 元</translation>
    </message>
    <message>
        <source>Deposit %1 is not pending: it has already been paid or was cancelled. There is nothing to collect.</source>
        <translation>交存业务 %1 不是待交存状态：已交款或已撤销，无需收款。</translation>
    </message>
    <message>
        <source>Deposit %1 is no longer pending. Nothing to collect.</source>
        <translation>交存业务 %1 已不是待交存状态，无需收款。</translation>
    </message>
    <message>
        <source>Found deposit %1 for %2.</source>
        <translation>已找到交存业务 %1，房屋坐落：%2。</translation>
    </message>
    <message>
        <source>Nothing was collected: %1</source>
        <translation>未收款：%1</translation>
    </message>
    <message>
        <source>Enter the cash handed over by the payer in yuan, e.g. 2000. Nothing was collected.</source>
        <translation>请输入交款人交付的现金金额（元），例如 2000。未收款。</translation>
    </message>
    <message>
        <source>The cash handed over (%1 yuan) is less than the amount due (%2 yuan). Nothing was collected.</source>
        <translation>交款人交付的现金（%1 元）少于应交金额（%2 元）。未收款。</translation>
    </message>
    <message>
        <source>Enter the payer&apos;s name (交款人). Nothing was collected.</source>
        <translation>请输入交款人姓名。未收款。</translation>
    </message>
    <message>
        <source>Collected %1 yuan for deposit %2 — change %3 yuan. Issue the e-receipt on the Receipts tab.</source>
        <translation>已为交存业务 %2 收款 %1 元，找零 %3 元。请在“电子票据”页开具电子票据。</translation>
    </message>
    <message>
        <source>Payment code (付款码)</source>
        <translation>付款码</translation>
    </message>
    <message>
        <source>12 digits</source>
        <translation>12 位数字</translation>
    </message>
    <message>
        <source>8 characters</source>
        <translation>8 位字符</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 位数字</translation>
    </message>
    <message>
        <source>Reference no. (参考号):</source>
        <translation>参考号：</translation>
    </message>
    <message>
        <source>Terminal no. (终端号):</source>
        <translation>终端号：</translation>
    </message>
    <message>
        <source>Batch no. (批次号):</source>
        <translation>批次号：</translation>
    </message>
    <message>
        <source>Show the QR code to the resident</source>
        <translation>向居民展示收款二维码</translation>
    </message>
    <message>
        <source>scan the resident&apos;s payment code</source>
        <translation>扫描居民的付款码</translation>
    </message>
    <message>
        <source>Payment &amp;code:</source>
        <translation>付款码(&amp;C)：</translation>
    </message>
    <message>
        <source>Paid — check</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>已支付: asks the payment channel whether the resident has paid</source>
        <translation>已支付：向支付渠道查询居民是否已完成支付</translation>
    </message>
    <message>
        <source>Close payment</source>
        <translation>关单</translation>
    </message>
    <message>
        <source>Confirm manually…</source>
        <translation>人工确认…</translation>
    </message>
    <message>
        <source>Bank card payments are not set up at this counter.</source>
        <translation>本窗口未开通银行卡收款。</translation>
    </message>
    <message>
        <source>WeChat Pay is not set up: the payment channel settings file (channels.json) has no &quot;wechat&quot; section.</source>
        <translation>未开通微信支付：支付渠道设置文件（channels.json）中没有“wechat”配置段。</translation>
    </message>
    <message>
        <source>Alipay is not set up: the payment channel settings file (channels.json) has no &quot;alipay&quot; section.</source>
        <translation>未开通支付宝：支付渠道设置文件（channels.json）中没有“alipay”配置段。</translation>
    </message>
    <message>
        <source>Payment codes need WeChat Pay or Alipay: the payment channel settings file (channels.json) has neither.</source>
        <translation>付款码收款需开通微信支付或支付宝：支付渠道设置文件（channels.json）中两者均未配置。</translation>
    </message>
    <message>
        <source>Record card payment</source>
        <translation>登记银行卡交款</translation>
    </message>
    <message>
        <source>Collect</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Sending the payment to the channel…</source>
        <translation>正在向支付渠道提交交款…</translation>
    </message>
    <message>
        <source>Nothing was recorded: %1</source>
        <translation>未登记：%1</translation>
    </message>
    <message>
        <source>The same payment code was scanned again; it was ignored. Nothing more is charged.</source>
        <translation>同一付款码被重复扫描，已忽略，不会重复扣款。</translation>
    </message>
    <message>
        <source>This is a WeChat Pay code, but WeChat Pay is not set up at this counter. Nothing was charged.</source>
        <translation>这是微信支付付款码，但本窗口未开通微信支付。未扣款。</translation>
    </message>
    <message>
        <source>This is an Alipay code, but Alipay is not set up at this counter. Nothing was charged.</source>
        <translation>这是支付宝付款码，但本窗口未开通支付宝。未扣款。</translation>
    </message>
    <message>
        <source>Select a pending deposit first. Nothing was charged.</source>
        <translation>请先选择一笔待交存业务。未扣款。</translation>
    </message>
    <message>
        <source>The payment channel has not received this payment yet. Ask the resident to finish paying on the phone.</source>
        <translation>支付渠道尚未收到该笔付款。请居民在手机上完成支付。</translation>
    </message>
    <message>
        <source>No payment has arrived yet. Press &quot;Paid — check&quot; when the resident has paid, or close the payment.</source>
        <translation>尚未收到付款。居民完成支付后请点击“已支付”，或关单。</translation>
    </message>
    <message>
        <source>Confirm payment manually</source>
        <translation>人工确认交款</translation>
    </message>
    <message>
        <source>Why is this payment confirmed without the channel&apos;s answer? (recorded and reconciled later)</source>
        <translation>在没有支付渠道应答的情况下确认该笔交款，原因是什么？（将予以记录，并在对账时核对）</translation>
    </message>
    <message>
        <source>Payment %1 was closed. Nothing was charged; you may start a new payment.</source>
        <translation>交款 %1 已关闭。未扣款；可以发起新的交款。</translation>
    </message>
    <message>
        <source>Payment %1 failed%2. Nothing was charged; you may start a new payment.</source>
        <translation>交款 %1 失败%2。未扣款；可以发起新的交款。</translation>
    </message>
    <message>
        <source>Result unknown — querying… Do not charge again.</source>
        <extracomment>The outcome of a channel payment is not known yet: never say &quot;failed&quot;</extracomment>
        <translation>结果未知，正在查询…请勿重复收款。</translation>
    </message>
    <message>
        <source>The card payment is not confirmed. Check the POS slip; a supervisor may confirm it.</source>
        <translation>该笔银行卡交款尚未确认。请核对 POS 签购单；主管可进行人工确认。</translation>
    </message>
    <message>
        <source>Awaiting payment: the resident scans the QR code on the customer display.</source>
        <translation>等待支付：请居民扫描客户显示屏上的二维码。</translation>
    </message>
    <message>
        <source>Awaiting payment: the resident confirms on the phone.</source>
        <translation>等待支付：请居民在手机上确认。</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Received %1 yuan for deposit %2 (confirmed manually, flagged for reconciliation). Issue the e-receipt on the Receipts tab.</source>
        <translation>已为交存业务 %2 收款 %1 元（人工确认，已标记待对账）。请在“电子票据”页开具电子票据。</translation>
    </message>
    <message>
        <source>Received %1 yuan for deposit %2. Issue the e-receipt on the Receipts tab.</source>
        <translation>已为交存业务 %2 收款 %1 元。请在“电子票据”页开具电子票据。</translation>
    </message>
    <message>
        <source>%1 Nothing was charged.</source>
        <translation>%1 未扣款。</translation>
    </message>
</context>
<context>
    <name>fund::ui::ReceiptsTab</name>
    <message>
        <source>Receipts of %1:</source>
        <translation>%1 的票据：</translation>
    </message>
    <message>
        <source>No house is being served. Receipts can still be found by code and number.</source>
        <translation>当前未办理任何房屋。仍可按票据代码和票据号码查询票据。</translation>
    </message>
    <message>
        <source>No payment in this service yet. Collect a deposit on the Payment tab first.</source>
        <translation>本次服务尚无交款。请先在“交款”页收款。</translation>
    </message>
    <message>
        <source>Deposit %1 · %2 yuan · paid by %3 at counter %4</source>
        <translation>交存业务 %1 · %2 元 · 交款人 %3 · 窗口 %4</translation>
    </message>
    <message>
        <source>Not issued yet</source>
        <translation>未开票</translation>
    </message>
    <message>
        <source>The receipt could not be issued: %1</source>
        <translation>无法开具票据：%1</translation>
    </message>
    <message>
        <source>Receipt code (票据代码)</source>
        <translation>票据代码</translation>
    </message>
    <message>
        <source>Receipt number (票据号码)</source>
        <translation>票据号码</translation>
    </message>
    <message>
        <source>Check code (校验码)</source>
        <translation>校验码</translation>
    </message>
    <message>
        <source>E-receipt %1 %2 issued. Print it or save it for the resident.</source>
        <translation>电子票据 %1 %2 开票成功。请为居民打印或保存。</translation>
    </message>
    <message>
        <source>The e-receipt could not be issued: %1</source>
        <translation>电子票据开票失败：%1</translation>
    </message>
    <message>
        <source>This receipt is not issued: %1</source>
        <translation>该票据未开具：%1</translation>
    </message>
    <message numerus="yes">
        <source>Receipt %1 %2, printed %n time(s)</source>
        <translation>
            <numerusform>票据 %1 %2，已打印 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Select an issued receipt to preview it.</source>
        <translation>请选择一张已开具的票据进行预览。</translation>
    </message>
    <message>
        <source>Printed the original of receipt %1 %2.</source>
        <translation>已打印票据 %1 %2 的原件。</translation>
    </message>
    <message>
        <source>Printed copy no. %3 of receipt %1 %2, marked as a reprint (重打).</source>
        <translation>已打印票据 %1 %2 的第 %3 份，已标注为重打。</translation>
    </message>
    <message>
        <source>This house has no issued receipt to print.</source>
        <translation>该房屋没有可打印的已开具票据。</translation>
    </message>
    <message numerus="yes">
        <source>Printed %n receipt(s) of this house.</source>
        <translation>
            <numerusform>已打印该房屋的 %n 张票据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Maintenance fund receipt</source>
        <translation>维修资金票据</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is switched on and ready, then print again.</source>
        <translation>无法启动打印机。请检查打印机是否已开机并就绪，然后重新打印。</translation>
    </message>
    <message>
        <source>Receipt %1 %2 could not be prepared for printing.</source>
        <translation>票据 %1 %2 无法准备打印。</translation>
    </message>
    <message>
        <source>The printer stopped while printing. Check it and print again.</source>
        <translation>打印过程中打印机停止工作。请检查后重新打印。</translation>
    </message>
    <message>
        <source>The printer reported an error. Check it and print again.</source>
        <translation>打印机报告错误。请检查后重新打印。</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>保存票据</translation>
    </message>
    <message>
        <source>receipt-%1-%2.pdf</source>
        <translation>票据-%1-%2.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The receipt could not be saved to %1: %2. Choose another folder.</source>
        <translation>票据无法保存到 %1：%2。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Receipt %1 %2 saved to %3.</source>
        <translation>票据 %1 %2 已保存到 %3。</translation>
    </message>
    <message>
        <source>Found by code and number (not a receipt of the served house):</source>
        <translation>按票据代码和票据号码查到的票据（非当前办理房屋的票据）：</translation>
    </message>
    <message>
        <source>Exchange for paper (换开纸质)…</source>
        <translation>换开纸质…</translation>
    </message>
    <message>
        <source>Request red reversal (红冲)…</source>
        <translation>申请红冲…</translation>
    </message>
    <message>
        <source>Approve red reversal</source>
        <translation>审批红冲</translation>
    </message>
    <message>
        <source>Supervisors: approve another staff member&apos;s request; the red receipt is issued at once</source>
        <translation>限主管：审批其他工作人员提交的红冲申请，审批后立即开具红冲票据</translation>
    </message>
    <message>
        <source>Verify (查验)…</source>
        <translation>查验…</translation>
    </message>
    <message>
        <source>Check the code, number, check code, amount and date a resident shows together</source>
        <translation>一并核对居民出示的票据代码、票据号码、校验码、金额和开票日期</translation>
    </message>
    <message numerus="yes">
        <source>%n receipt(s) left issuing were settled with the receipt platform.</source>
        <translation>
            <numerusform>已向票据平台核实 %n 张开票中的票据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ask the platform again</source>
        <translation>再次向平台查询</translation>
    </message>
    <message>
        <source>Issue again (重新开票)</source>
        <translation>重新开票</translation>
    </message>
    <message>
        <source>No answer yet (开票中): %1</source>
        <translation>开票中：%1</translation>
    </message>
    <message>
        <source>Exchange for paper again (重新换开)…</source>
        <translation>重新换开…</translation>
    </message>
    <message>
        <source>The receipt platform has not answered yet (开票中): %1 Ask it again in a moment; no second receipt is ever issued.</source>
        <translation>开票中，票据平台尚未应答：%1 请稍后再次查询；不会重复开具票据。</translation>
    </message>
    <message>
        <source>Exchange for paper (换开纸质)</source>
        <translation>换开纸质</translation>
    </message>
    <message>
        <source>Code of the paper receipt form (票据代码, printed on the form):</source>
        <translation>纸质票据的票据代码（印于票面）：</translation>
    </message>
    <message>
        <source>Number of the paper receipt form (票据号码):</source>
        <translation>纸质票据的票据号码：</translation>
    </message>
    <message>
        <source>Exchange for paper again (重新换开)</source>
        <translation>重新换开</translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 will be voided. Why?</source>
        <translation>纸质票据 %1 %2 将作废。请填写作废原因：</translation>
    </message>
    <message>
        <source>Receipt %1 %2 exchanged for paper receipt %3 %4.</source>
        <translation>票据 %1 %2 已换开为纸质票据 %3 %4。</translation>
    </message>
    <message>
        <source>Red reversal (红冲)</source>
        <translation>红冲</translation>
    </message>
    <message>
        <source>The whole receipt %1 %2 (%3 yuan) will be reversed once a supervisor approves. Reason (冲红原因):</source>
        <translation>经主管审批后，将对票据 %1 %2（%3 元）整张红冲。冲红原因：</translation>
    </message>
    <message>
        <source>Red reversal of %1 %2 requested. A supervisor other than you must approve it.</source>
        <translation>已申请红冲票据 %1 %2。须由您以外的另一名主管审批。</translation>
    </message>
    <message>
        <source>Approve red reversal (红冲)</source>
        <translation>审批红冲</translation>
    </message>
    <message>
        <source>Issue a red receipt reversing %1 %2 (%3 yuan)?
Reason: %4</source>
        <translation>是否开具红冲票据，冲销票据 %1 %2（%3 元）？
冲红原因：%4</translation>
    </message>
    <message>
        <source>Red receipt %1 %2 issued; it reverses %3 %4.</source>
        <translation>红冲票据 %1 %2 已开具，冲销票据 %3 %4。</translation>
    </message>
    <message>
        <source>The red receipt is not issued yet (%1): %2. Approve again to retry.</source>
        <translation>红冲票据尚未开具（%1）：%2。请再次审批以重试。</translation>
    </message>
    <message>
        <source>Verify receipt %1 %2 (查验)</source>
        <translation>查验票据 %1 %2</translation>
    </message>
    <message>
        <source>Check code (校验码) as printed on the resident&apos;s receipt:</source>
        <translation>校验码（按居民所持票据填写）：</translation>
    </message>
    <message>
        <source>Amount in yuan as printed (e.g. 4467.50):</source>
        <translation>票面金额（元，如 4467.50）：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount. Type it in yuan, e.g. 4467.50.</source>
        <translation>“%1”不是有效金额。请以元为单位填写，如 4467.50。</translation>
    </message>
    <message>
        <source>Issue date as printed (yyyy-mm-dd):</source>
        <translation>开票日期（按票面填写，格式 yyyy-mm-dd）：</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date. Type it as yyyy-mm-dd, e.g. 2026-12-03.</source>
        <translation>“%1”不是有效日期。请按 yyyy-mm-dd 格式填写，如 2026-12-03。</translation>
    </message>
    <message>
        <source>Receipt %1 %2 is genuine: check code, amount and date match.</source>
        <translation>票据 %1 %2 真实有效：校验码、金额和开票日期均相符。</translation>
    </message>
    <message>
        <source>Take paper back (收回纸质)…</source>
        <translation>收回纸质…</translation>
    </message>
    <message>
        <source>The resident hands the paper receipt back: it is voided and the e-receipt counts again</source>
        <translation>居民交回纸质票据：纸质票据作废，电子票据重新有效</translation>
    </message>
    <message>
        <source>Take paper back (收回纸质)</source>
        <translation>收回纸质</translation>
    </message>
    <message>
        <source>Take paper receipt %1 %2 back from the resident; it will be voided and e-receipt %3 %4 counts again. Reason:</source>
        <translation>收回居民手中的纸质票据 %1 %2；该纸质票据将作废，电子票据 %3 %4 重新有效。原因：</translation>
    </message>
    <message>
        <source>Paper receipt %1 %2 voided; e-receipt %3 %4 counts again.</source>
        <translation>纸质票据 %1 %2 已作废；电子票据 %3 %4 重新有效。</translation>
    </message>
</context>
<context>
    <name>fund::ui::ReconciliationTab</name>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>POS (bank card)</source>
        <translation>POS（银行卡）</translation>
    </message>
    <message>
        <source>Business day:</source>
        <translation>业务日期：</translation>
    </message>
    <message>
        <source>Import bill…</source>
        <translation>导入对账单…</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Order number / RRN</source>
        <translation>订单号 / 参考号</translation>
    </message>
    <message>
        <source>Local amount</source>
        <translation>本地金额</translation>
    </message>
    <message>
        <source>Channel amount</source>
        <translation>渠道金额</translation>
    </message>
    <message>
        <source>Local state</source>
        <translation>本地状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Import the channel&apos;s bill for the day, then reconcile.</source>
        <translation>请先导入该渠道当日的对账单，再进行对账。</translation>
    </message>
    <message>
        <source>Alipay bills (*.zip);;All files (*)</source>
        <translation>支付宝账单 (*.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import the %1 bill</source>
        <translation>导入%1对账单</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>This %1 bill of %2 was imported before (%3); nothing changed.</source>
        <translation>%2 的%1对账单此前已导入（%3），未作任何更改。</translation>
    </message>
    <message>
        <source>Imported the %1 bill of %2: %3.</source>
        <translation>已导入 %2 的%1对账单：%3。</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>本地单边</translation>
    </message>
    <message>
        <source>Channel only</source>
        <translation>渠道单边</translation>
    </message>
    <message>
        <source>Amount mismatch</source>
        <translation>金额不符</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 · %2 — matched: %3 · local only: %4 · channel only: %5 · amount mismatch: %6</source>
        <translation>%1 · %2 — 已匹配：%3 · 本地单边：%4 · 渠道单边：%5 · 金额不符：%6</translation>
    </message>
    <message>
        <source>Export reconciliation</source>
        <translation>导出对账结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The reconciliation cannot be saved to %1.</source>
        <translation>对账结果无法保存到 %1。</translation>
    </message>
    <message>
        <source>Reconciliation exported to %1.</source>
        <translation>对账结果已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>fund::ui::RefundDialog</name>
    <message>
        <source>Refund (退款)</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Amount to refund (退款金额)</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Deposit (业务流水号):</source>
        <translation>业务流水号：</translation>
    </message>
    <message>
        <source>Payer:</source>
        <translation>交款人：</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Paid at:</source>
        <translation>支付时间：</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <source>Why the money goes back (mandatory)</source>
        <translation>退款原因（必填）</translation>
    </message>
    <message>
        <source>Reason (退款原因):</source>
        <translation>退款原因：</translation>
    </message>
    <message>
        <source>12 digits from the POS refund slip</source>
        <translation>POS 退款签购单上的 12 位数字</translation>
    </message>
    <message>
        <source>Refund slip reference (参考号):</source>
        <translation>参考号：</translation>
    </message>
    <message>
        <source>Refund state:</source>
        <translation>退款状态：</translation>
    </message>
    <message>
        <source>Query result (查询)</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>not requested yet</source>
        <translation>尚未申请</translation>
    </message>
    <message>
        <source>Enter the reason for the refund.</source>
        <translation>请输入退款原因。</translation>
    </message>
    <message>
        <source>Refund %1 to %2 by %3 for deposit %4? The deposit becomes due again (待交存).</source>
        <translation>是否为交存业务 %4 通过 %3 向 %2 退款 %1？退款后该交存业务将恢复为待交存。</translation>
    </message>
    <message>
        <source>%1 (refund number %2)</source>
        <translation>%1（退款单号 %2）</translation>
    </message>
    <message>
        <source>Refunded %1. The deposit is due again (待交存).</source>
        <translation>已退款 %1。该交存业务已恢复为待交存。</translation>
    </message>
    <message>
        <source>The refund failed: %1 Nothing was refunded.</source>
        <translation>退款失败：%1 未退还任何款项。</translation>
    </message>
    <message>
        <source>The channel has not confirmed the refund yet. Query the result; do not refund again.</source>
        <translation>支付渠道尚未确认该笔退款。请查询退款结果，切勿重复退款。</translation>
    </message>
    <message>
        <source>Send the refund again (same number)</source>
        <translation>重新发起退款（沿用原退款单号）</translation>
    </message>
</context>
<context>
    <name>fund::ui::RegistrationTab</name>
    <message>
        <source>Resident</source>
        <translation>居民信息</translation>
    </message>
    <message>
        <source>History (历史记录)</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>ID number:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>By online contract No. (网签合同编号)</source>
        <translation>网签合同编号</translation>
    </message>
    <message>
        <source>By property certificate No. (不动产权证号)</source>
        <translation>不动产权证号</translation>
    </message>
    <message>
        <source>By proof documents and the address</source>
        <translation>上传证明材料并填写坐落</translation>
    </message>
    <message>
        <source>The house of the lookup result</source>
        <translation>查询结果中的房屋</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>北京市朝阳区… as on the documents</source>
        <translation>北京市朝阳区…（与证明材料一致）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>业务类型：</translation>
    </message>
    <message>
        <source>Way:</source>
        <translation>造册方式：</translation>
    </message>
    <message>
        <source>Contract No.:</source>
        <translation>网签合同编号：</translation>
    </message>
    <message>
        <source>Certificate No.:</source>
        <translation>不动产权证号：</translation>
    </message>
    <message>
        <source>Known house:</source>
        <translation>系统内房屋：</translation>
    </message>
    <message>
        <source>Address (坐落):</source>
        <translation>坐落：</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <source>Lookup result:</source>
        <translation>查询结果：</translation>
    </message>
    <message>
        <source>Proof documents (PDF, JPEG, PNG; at most %1 files of %2 MB)</source>
        <translation>证明材料（PDF、JPEG、PNG 格式；最多 %1 个文件，每个不超过 %2 MB）</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>The resident&apos;s registrations (历史记录)</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>申请号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Address / reason</source>
        <translation>坐落 / 原因</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>新增造册</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>none — find the house in House lookup first</source>
        <translation>无 — 请先在“房屋查询”页查找房屋</translation>
    </message>
    <message>
        <source>Request No. %1 (%2, %3): %4</source>
        <translation>申请号 %1（%2，%3）：%4</translation>
    </message>
    <message>
        <source>Request No. %1 (%2, %3): %4 — %5</source>
        <translation>申请号 %1（%2，%3）：%4 — %5</translation>
    </message>
    <message>
        <source>Decided since the resident&apos;s last visit:</source>
        <translation>居民上次来办理后已有审核结果的申请：</translation>
    </message>
    <message>
        <source>%1
%2 m², %3, %4</source>
        <translation>%1
%2 m²，%3，%4</translation>
    </message>
    <message>
        <source>At most %1 files can be attached to one request.</source>
        <translation>每份申请最多可添加 %1 个文件。</translation>
    </message>
    <message>
        <source>%1 is the same file as %2, which is already attached.</source>
        <translation>%1 与已添加的 %2 是同一文件。</translation>
    </message>
    <message>
        <source>Attach a proof document</source>
        <translation>添加证明材料</translation>
    </message>
    <message>
        <source>Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)</source>
        <translation>扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB. Scan it at a lower resolution or split it.</source>
        <translation>文件 %1 超过 %2 MB。请降低扫描分辨率，或将其拆分为多个文件。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2</source>
        <translation>无法读取文件 %1：%2</translation>
    </message>
    <message>
        <source>Bound (已绑定)</source>
        <translation>已绑定</translation>
    </message>
    <message>
        <source>The resident is the recorded owner: the house is bound to %1 now, no review is needed.</source>
        <translation>该居民为登记业主：房屋已绑定到 %1 名下，无需审核。</translation>
    </message>
    <message>
        <source>Waiting for review (需审核)</source>
        <translation>需审核</translation>
    </message>
    <message>
        <source>Request No. %1 goes to the district office for review. The resident is told the outcome at their next visit (or by phone %2).</source>
        <translation>申请号 %1 将提交所属管理部审核。审核结果将在居民下次来办理时告知（或通过电话 %2 告知）。</translation>
    </message>
</context>
<context>
    <name>fund::ui::ReviewTab</name>
    <message>
        <source>District:</source>
        <translation>区县：</translation>
    </message>
    <message>
        <source>All districts</source>
        <translation>全部区县</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>业务类型：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Choose a request to see its proof documents.</source>
        <translation>请选择一份申请以查看其证明材料。</translation>
    </message>
    <message>
        <source>Return for more documents (退回补件)…</source>
        <translation>退回补件…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>不通过…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Pending (待审核): %1</source>
        <translation>待审核：%1</translation>
    </message>
    <message>
        <source>No request chosen.</source>
        <translation>未选择申请。</translation>
    </message>
    <message>
        <source>Request No. %1</source>
        <translation>申请号 %1</translation>
    </message>
    <message>
        <source>Submitted %1 by %2 (round %3)</source>
        <translation>%2 于 %1 提交（第 %3 次提交）</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>证件号码：%1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>联系电话：%1</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>No known house matches yet</source>
        <translation>系统中暂无匹配的房屋</translation>
    </message>
    <message>
        <source>Address as typed: %1</source>
        <translation>填写的坐落：%1</translation>
    </message>
    <message>
        <source>District: %1</source>
        <translation>区县：%1</translation>
    </message>
    <message>
        <source>Online contract No. (网签合同编号): %1</source>
        <translation>网签合同编号：%1</translation>
    </message>
    <message>
        <source>Property certificate No. (不动产权证号): %1</source>
        <translation>不动产权证号：%1</translation>
    </message>
    <message>
        <source>Owners on record</source>
        <translation>登记业主</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (%2), since %3</source>
        <translation>%1（%2），自 %3 起</translation>
    </message>
    <message>
        <source>%1 (%2), %3 – %4</source>
        <translation>%1（%2），%3 – %4</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No proof documents are attached.</source>
        <translation>未附证明材料。</translation>
    </message>
    <message>
        <source>You submitted request No. %1: another supervisor or reviewer must decide it.</source>
        <translation>申请号 %1 由您本人提交：须由另一名主管或审核员审核。</translation>
    </message>
    <message>
        <source>The PDF %1 cannot be shown.</source>
        <translation>无法显示 PDF 文件 %1。</translation>
    </message>
    <message>
        <source>The image %1 cannot be shown.</source>
        <translation>无法显示图片 %1。</translation>
    </message>
    <message>
        <source>Choose the house</source>
        <translation>选择房屋</translation>
    </message>
    <message>
        <source>No known house matches request No. %1. Type the house&apos;s address (坐落) as recorded:</source>
        <translation>系统中没有与申请号 %1 匹配的房屋。请按登记信息输入房屋坐落：</translation>
    </message>
    <message>
        <source>No house has the address %1. Check it, or return the request for more documents.</source>
        <translation>没有坐落为 %1 的房屋。请核对，或将申请退回补件。</translation>
    </message>
    <message>
        <source>Approve request No. %1 (%2) for %3? The house is then bound to the resident.</source>
        <translation>确定审核通过 %3 的申请（申请号 %1，%2）吗？通过后房屋将绑定到该居民名下。</translation>
    </message>
    <message>
        <source>Request No. %1 approved.</source>
        <translation>申请号 %1 已审核通过。</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不通过</translation>
    </message>
    <message>
        <source>Return for more documents</source>
        <translation>退回补件</translation>
    </message>
    <message>
        <source>Why is request No. %1 rejected? The resident is told.</source>
        <translation>申请号 %1 不通过的原因是什么？该原因将告知居民。</translation>
    </message>
    <message>
        <source>Which documents are missing for request No. %1? The resident is told.</source>
        <translation>申请号 %1 缺少哪些材料？该信息将告知居民。</translation>
    </message>
    <message>
        <source>Request No. %1 rejected.</source>
        <translation>申请号 %1 未通过审核。</translation>
    </message>
    <message>
        <source>Request No. %1 returned for more documents.</source>
        <translation>申请号 %1 已退回补件。</translation>
    </message>
</context>
<context>
    <name>fund::ui::TillTab</name>
    <message>
        <source>Open the till</source>
        <translation>开启款箱</translation>
    </message>
    <message>
        <source>Opening float (yuan):</source>
        <translation>备用金（元）：</translation>
    </message>
    <message>
        <source>e.g. 1000.00</source>
        <translation>例如 1000.00</translation>
    </message>
    <message>
        <source>Open till</source>
        <translation>开箱</translation>
    </message>
    <message>
        <source>X report (takings so far)</source>
        <translation>X 报表（截至目前的收款）</translation>
    </message>
    <message>
        <source>Channel / method</source>
        <translation>渠道 / 方式</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Save daily close report…</source>
        <translation>保存日结单…</translation>
    </message>
    <message>
        <source>Close the till (cash count)</source>
        <translation>轧账（清点现金）</translation>
    </message>
    <message>
        <source>Denomination</source>
        <translation>券别</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Required when the count differs from the expected cash</source>
        <translation>实点现金与应有现金不一致时必填</translation>
    </message>
    <message>
        <source>Variance note:</source>
        <translation>差额说明：</translation>
    </message>
    <message>
        <source>Approve variance</source>
        <translation>审批长短款</translation>
    </message>
    <message>
        <source>Close till</source>
        <translation>轧账</translation>
    </message>
    <message>
        <source>No till is open at this counter. Count the float and open the till.</source>
        <translation>本窗口没有已开启的款箱。请清点备用金后开箱。</translation>
    </message>
    <message>
        <source>opened by %1 at %2 with a float of %3</source>
        <translation>由 %1 于 %2 开启，备用金 %3</translation>
    </message>
    <message>
        <source>Till %1 of counter %2 is open, %3.</source>
        <translation>窗口 %2 的款箱 %1 已开启，%3。</translation>
    </message>
    <message>
        <source>Till %1 is counted with a variance of %2 (%3) and waits for a supervisor&apos;s approval.</source>
        <translation>款箱 %1 已清点，差额 %2（%3），等待主管审批。</translation>
    </message>
    <message>
        <source>Till %1 is closed (counted %2, variance %3).</source>
        <translation>款箱 %1 已轧账（实点 %2，差额 %3）。</translation>
    </message>
    <message>
        <source>All payments</source>
        <translation>全部交款</translation>
    </message>
    <message>
        <source>Cash expected in the till: %1 (float %2 + cash in %3 − cash out %4)</source>
        <translation>款箱应有现金：%1（备用金 %2 + 现金收入 %3 − 现金支出 %4）</translation>
    </message>
    <message>
        <source>Payments still in progress at this counter: %1</source>
        <translation>本窗口仍在进行中的交款：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Counted: — (check the counts: whole numbers of notes and coins)</source>
        <translation>实点：—（请检查数量：纸币和硬币须为整数）</translation>
    </message>
    <message>
        <source>Counted: %1 · expected: %2 · variance: %3</source>
        <translation>实点：%1 · 应有：%2 · 差额：%3</translation>
    </message>
    <message>
        <source>Counted: %1</source>
        <translation>实点：%1</translation>
    </message>
    <message>
        <source>Enter the opening float in yuan, e.g. 1000.00.</source>
        <translation>请输入备用金金额（元），例如 1000.00。</translation>
    </message>
    <message>
        <source>Till opened with a float of %1.</source>
        <translation>款箱已开启，备用金 %1。</translation>
    </message>
    <message>
        <source>Every count must be a whole number of notes or coins.</source>
        <translation>每一券别的数量必须为整数。</translation>
    </message>
    <message>
        <source>Till closed: the count of %1 matches.</source>
        <translation>已轧账：实点 %1 与应有现金一致。</translation>
    </message>
    <message>
        <source>Variance of %1 recorded. A supervisor must approve it to close the till.</source>
        <translation>已记录差额 %1。须经主管审批后方可轧账。</translation>
    </message>
    <message>
        <source>Variance of %1 approved; the till is closed.</source>
        <translation>差额 %1 已审批，款箱已轧账。</translation>
    </message>
    <message>
        <source>Save daily close report</source>
        <translation>保存日结单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The report cannot be saved to %1.</source>
        <translation>日结单无法保存到 %1。</translation>
    </message>
    <message>
        <source>Daily close report saved to %1.</source>
        <translation>日结单已保存到 %1。</translation>
    </message>
    <message>
        <source>Refunds (退款), money out</source>
        <translation>退款（支出）</translation>
    </message>
</context>
<context>
    <name>fundctl</name>
    <message>
        <source>Run &quot;fundctl --help&quot; for the commands and options.</source>
        <translation>运行“fundctl --help”查看命令和选项。</translation>
    </message>
    <message>
        <source>%1 is not a Fund Counter database yet: create it with &quot;fundctl --db %1 init&quot;.</source>
        <translation>%1 还不是维修资金柜台端数据库：请使用“fundctl --db %1 init”创建。</translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// address (required).</source>
        <translation>数据库：SQLite 文件或 postgresql:// 地址（必填）。</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>以 JSON 而非文本格式输出。</translation>
    </message>
    <message>
        <source>The counter name written to the audit log (default: fundctl).</source>
        <translation>写入审计日志的窗口名称（默认：fundctl）。</translation>
    </message>
    <message>
        <source>Show technical details of errors.</source>
        <translation>显示错误的技术细节。</translation>
    </message>
    <message>
        <source>demo-city: the random seed (default 20261203).</source>
        <translation>demo-city：随机种子（默认 20261203）。</translation>
    </message>
    <message>
        <source>lookup: the full address of a house.</source>
        <translation>lookup：房屋的完整坐落。</translation>
    </message>
    <message>
        <source>lookup: any part of an address.</source>
        <translation>lookup：地址的任意部分。</translation>
    </message>
    <message>
        <source>lookup: a business serial number (业务流水号).</source>
        <translation>lookup：业务流水号。</translation>
    </message>
    <message>
        <source>lookup --serial: the owner&apos;s name (业主名称).</source>
        <translation>lookup --serial：业主名称。</translation>
    </message>
    <message>
        <source>lookup --search: at most this many houses (default 50).</source>
        <translation>lookup --search：最多显示的房屋数（默认 50）。</translation>
    </message>
    <message>
        <source>receipt-pdf: the PDF file to write.</source>
        <translation>receipt-pdf：要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>One of: %1.</source>
        <translation>可选值：%1。</translation>
    </message>
    <message>
        <source>The command&apos;s arguments.</source>
        <translation>命令的参数。</translation>
    </message>
    <message>
        <source>Name a command: %1.</source>
        <translation>请指定命令：%1。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. The commands are: %2.</source>
        <translation>未知命令“%1”。可用命令：%2。</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to the command %2.</source>
        <translation>选项 --%1 不适用于命令 %2。</translation>
    </message>
    <message>
        <source>Say which database to use with --db FILE or --db postgresql://user@host/database.</source>
        <translation>请用 --db FILE 或 --db postgresql://user@host/database 指定要使用的数据库。</translation>
    </message>
    <message>
        <source>The counter name (--counter) must not be empty.</source>
        <translation>窗口名称（--counter）不能为空。</translation>
    </message>
    <message>
        <source>init takes no arguments.</source>
        <translation>init 不接受参数。</translation>
    </message>
    <message>
        <source>Database %1 is ready: schema version %2.</source>
        <translation>数据库 %1 已就绪：结构版本 %2。</translation>
    </message>
    <message>
        <source>demo-city takes no arguments; use --houses N and --seed S.</source>
        <translation>demo-city 不接受参数；请使用 --houses N 和 --seed S。</translation>
    </message>
    <message>
        <source>--houses takes a whole number of at least 1.</source>
        <translation>--houses 须为不小于 1 的整数。</translation>
    </message>
    <message>
        <source>--seed takes a whole number from 0 to 4294967295.</source>
        <translation>--seed 须为 0 至 4294967295 之间的整数。</translation>
    </message>
    <message>
        <source>Building the demo city: %1 of %2 houses (%3 %), %4 s</source>
        <translation>正在生成演示城市：%1 / %2 套房屋（%3%），%4 秒</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Streets</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Estates</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼幢</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Houses</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Owners (persons)</source>
        <translation>业主（人员）</translation>
    </message>
    <message>
        <source>Ownerships</source>
        <translation>产权关系</translation>
    </message>
    <message>
        <source>Fund accounts</source>
        <translation>维修资金账户</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>分户账记录</translation>
    </message>
    <message>
        <source>Accounts below 30 % of the first deposit</source>
        <translation>余额低于首期交存 30% 的账户</translation>
    </message>
    <message>
        <source>Pending deposits</source>
        <translation>待交存</translation>
    </message>
    <message>
        <source>Historical payments</source>
        <translation>历史交款</translation>
    </message>
    <message>
        <source>Receipts issued</source>
        <translation>已开具票据</translation>
    </message>
    <message>
        <source>Demo city</source>
        <translation>演示城市</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>lookup needs exactly one of --address TEXT, --search TEXT or --serial NO.</source>
        <translation>lookup 须且只能使用 --address TEXT、--search TEXT 或 --serial NO 之一。</translation>
    </message>
    <message>
        <source>--owner goes with --serial.</source>
        <translation>--owner 须与 --serial 一起使用。</translation>
    </message>
    <message>
        <source>--limit goes with --search.</source>
        <translation>--limit 须与 --search 一起使用。</translation>
    </message>
    <message>
        <source>lookup takes no arguments besides its options.</source>
        <translation>lookup 除选项外不接受其他参数。</translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 1000.</source>
        <translation>--limit 须为 1 至 1000 之间的数字。</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>业务流水号</translation>
    </message>
    <message>
        <source>House</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>坐落</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>交存类型</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No house matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的房屋。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>房屋类型</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待交存</translation>
    </message>
    <message>
        <source>(the first %1 matches; narrow the search or use --limit)</source>
        <translation>（仅显示前 %1 条结果；请缩小搜索范围或使用 --limit）</translation>
    </message>
    <message>
        <source>statement takes one house ID, e.g. &quot;fundctl --db city.sqlite statement 42&quot;.</source>
        <translation>statement 须指定一个房屋编号，例如“fundctl --db city.sqlite statement 42”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a house ID: use the number from the ID column of lookup.</source>
        <translation>“%1”不是房屋编号：请使用 lookup 结果中“编号”列的数字。</translation>
    </message>
    <message>
        <source>This house has no fund account yet.</source>
        <translation>该房屋尚无维修资金账户。</translation>
    </message>
    <message>
        <source>Account %1, opened %2, first deposit %3 yuan</source>
        <translation>账户 %1，开户日期 %2，首期交存 %3 元</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>利息</translation>
    </message>
    <message>
        <source>Principal balance</source>
        <translation>本金余额</translation>
    </message>
    <message>
        <source>Interest balance</source>
        <translation>利息余额</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Balance %1 yuan (principal %2, interest %3).</source>
        <translation>余额 %1 元（本金 %2，利息 %3）。</translation>
    </message>
    <message>
        <source>Warning: the balance is below 30 % of the first deposit (%1 yuan): a renewal deposit (续交) is due.</source>
        <translation>警告：余额已低于首期交存（%1 元）的 30%：应办理续交。</translation>
    </message>
    <message>
        <source>receipt-pdf takes one receipt ID and -o FILE.</source>
        <translation>receipt-pdf 须指定一个票据编号及 -o FILE。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt ID.</source>
        <translation>“%1”不是票据编号。</translation>
    </message>
    <message>
        <source>Say where to write the PDF with -o FILE.</source>
        <translation>请用 -o FILE 指定 PDF 的写入位置。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Wrote receipt %1 to %2 (%3 bytes).</source>
        <translation>已将票据 %1 写入 %2（%3 字节）。</translation>
    </message>
    <message>
        <source>check takes no arguments.</source>
        <translation>check 不接受参数。</translation>
    </message>
    <message>
        <source>Account balances equal the sums of their ledger entries</source>
        <translation>账户余额等于其分户账记录之和</translation>
    </message>
    <message>
        <source>Account balances equal the last entry&apos;s running balance</source>
        <translation>账户余额等于最后一条记录的累计余额</translation>
    </message>
    <message>
        <source>Every entry&apos;s running balance is the sum of the entries up to it</source>
        <translation>每条记录的累计余额等于截至该条的记录之和</translation>
    </message>
    <message>
        <source>No deposit request has more than one paid payment</source>
        <translation>没有任何交存业务存在多笔已支付的交款</translation>
    </message>
    <message>
        <source>Paid requests have exactly one paid payment; other requests none</source>
        <translation>已交款的交存业务恰有一笔已支付的交款；其他交存业务没有</translation>
    </message>
    <message>
        <source>Every paid payment is booked in the ledger</source>
        <translation>每笔已支付的交款均已记入分户账</translation>
    </message>
    <message>
        <source>Receipt numbers (票据代码 + 票据号码) are unique</source>
        <translation>票据号码（票据代码 + 票据号码）唯一</translation>
    </message>
    <message>
        <source>Issued receipt numbers lie within a handed-out part of their range</source>
        <translation>已开具的票据号码均在其号码段的已分配部分内</translation>
    </message>
    <message>
        <source>A check returned nothing.</source>
        <translation>某项检查未返回任何结果。</translation>
    </message>
    <message>
        <source>The audit trail&apos;s hash chain is intact</source>
        <translation>审计记录的哈希链完整</translation>
    </message>
    <message>
        <source>The audit trail&apos;s hash chain is intact (first broken row: %1)</source>
        <translation>审计记录的哈希链完整（第一条断链记录：%1）</translation>
    </message>
    <message>
        <source>%1 (%2 checked)</source>
        <translation>%1（已检查 %2 条）</translation>
    </message>
    <message>
        <source>%1: %2 of %3 wrong</source>
        <translation>%1：%3 条中有 %2 条错误</translation>
    </message>
    <message>
        <source>All checks passed.</source>
        <translation>全部检查通过。</translation>
    </message>
    <message>
        <source>Some checks FAILED.</source>
        <translation>部分检查未通过。</translation>
    </message>
    <message>
        <source>interest: the year to credit.</source>
        <translation>interest：结息年度。</translation>
    </message>
    <message>
        <source>interest: the annual rate, e.g. 1.50%.</source>
        <translation>interest：年利率，例如 1.50%。</translation>
    </message>
    <message>
        <source>staff add: the staff member&apos;s name.</source>
        <translation>staff add：工作人员姓名。</translation>
    </message>
    <message>
        <source>Use &quot;import houses FILE.csv&quot; or &quot;import owners FILE.csv&quot;.</source>
        <translation>请使用“import houses FILE.csv”或“import owners FILE.csv”。</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>Imported %1 (%2, %3): %4 rows, %5 added, %6 already present (unchanged).</source>
        <translation>已导入 %1（%2，%3）：共 %4 行，新增 %5 行，%6 行已存在（未更改）。</translation>
    </message>
    <message>
        <source>Created %1 estates, %2 buildings, %3 units, %4 persons.</source>
        <translation>已新建小区 %1 个、楼幢 %2 个、单元 %3 个、人员 %4 名。</translation>
    </message>
    <message>
        <source>The same file was imported before, at %1.</source>
        <translation>同一文件已于 %1 导入过。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n problem(s); nothing was imported:</source>
        <translation>
            <numerusform>%1 有 %n 处问题；未导入任何内容：</numerusform>
        </translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  第 %1 行：%2</translation>
    </message>
    <message>
        <source>  line %1, column %2: %3</source>
        <translation>  第 %1 行，列 %2：%3</translation>
    </message>
    <message>
        <source>interest takes --year Y and --rate R, and no other arguments.</source>
        <translation>interest 只接受 --year Y 和 --rate R，不接受其他参数。</translation>
    </message>
    <message>
        <source>Give the year to credit with --year, e.g. --year 2026.</source>
        <translation>请用 --year 指定结息年度，例如 --year 2026。</translation>
    </message>
    <message>
        <source>Credited %1 interest for %2 at %3 to %4 accounts, booked on %5.</source>
        <translation>已按年利率 %3 为 %4 个账户结息入账 %2 年度利息共 %1，记账日期 %5。</translation>
    </message>
    <message>
        <source>Use &quot;staff list&quot;, &quot;staff add LOGIN --name NAME --role ROLE&quot;, &quot;staff reset-password LOGIN&quot;, &quot;staff disable LOGIN&quot; or &quot;staff enable LOGIN&quot;.</source>
        <translation>请使用“staff list”“staff add LOGIN --name NAME --role ROLE”“staff reset-password LOGIN”“staff disable LOGIN”或“staff enable LOGIN”。</translation>
    </message>
    <message>
        <source>Give the staff member&apos;s name with --name.</source>
        <translation>请用 --name 指定工作人员姓名。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Added %1 (%2, %3).</source>
        <translation>已添加 %1（%2，%3）。</translation>
    </message>
    <message>
        <source>New password for %1: </source>
        <translation>%1 的新密码：</translation>
    </message>
    <message>
        <source>The password of %1 was reset; the account is unlocked.</source>
        <translation>%1 的密码已重置，账号已解锁。</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 可以重新登录。</translation>
    </message>
    <message>
        <source>%1 can no longer sign in.</source>
        <translation>%1 已不能登录。</translation>
    </message>
    <message>
        <source>Unknown staff action &quot;%1&quot;.</source>
        <translation>未知的 staff 操作“%1”。</translation>
    </message>
    <message>
        <source>Use &quot;audit verify&quot;.</source>
        <translation>请使用“audit verify”。</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 rows checked.</source>
        <translation>审计日志完整：已检查 %1 行。</translation>
    </message>
    <message>
        <source>demo-city: the number of houses (default 20000); bench: at least this many (default 1000000).</source>
        <translation>demo-city：房屋数量（默认 20000）；bench：房屋数量下限（默认 1000000）。</translation>
    </message>
    <message>
        <source>bench: also measure this postgresql:// database.</source>
        <translation>bench：同时测量此 postgresql:// 数据库。</translation>
    </message>
    <message>
        <source>bench: samples per lookup kind (default 200).</source>
        <translation>bench：每种查询的采样次数（默认 200）。</translation>
    </message>
    <message>
        <source>bench takes no arguments; use --houses N, --pg URL and --samples K.</source>
        <translation>bench 不接受参数；请使用 --houses N、--pg URL 和 --samples K。</translation>
    </message>
    <message>
        <source>--samples takes a number from 1 to 100000.</source>
        <translation>--samples 须为 1 至 100000 之间的数字。</translation>
    </message>
    <message>
        <source>--pg takes a postgresql:// address.</source>
        <translation>--pg 须为 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>bench: building a city of %1 houses in %2</source>
        <translation>bench：正在 %2 中生成含 %1 套房屋的城市</translation>
    </message>
    <message>
        <source>%1 of %2 houses, %3 s</source>
        <translation>%2 套房屋中已完成 %1 套，%3 秒</translation>
    </message>
    <message>
        <source>bench: city built in %1 s</source>
        <translation>bench：城市生成完毕，用时 %1 秒</translation>
    </message>
    <message>
        <source>%1 has %2 houses, fewer than --houses %3: use an empty database (it is built) or a smaller --houses.</source>
        <translation>%1 中有 %2 套房屋，少于 --houses %3：请使用空数据库（将自动生成）或减小 --houses。</translation>
    </message>
    <message>
        <source>bench: reusing the %1 houses of %2</source>
        <translation>bench：沿用 %2 中的 %1 套房屋</translation>
    </message>
    <message>
        <source>Migrated the schema from version %1 to %2 in %3 s (the new indexes are built over the existing houses).</source>
        <translation>已将数据库结构从版本 %1 升级到 %2，用时 %3 秒（已为现有房屋建立新索引）。</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>票据</translation>
    </message>
    <message>
        <source>staff add: clerk, supervisor, admin or reviewer (审核员: reviews registrations only).</source>
        <translation>staff add：角色为 clerk（柜员）、supervisor（主管）、admin（管理员）或 reviewer（审核员：仅审核个人造册申请）。</translation>
    </message>
    <message>
        <source>receipt verify: the receipt issuer&apos;s settings file (keys).</source>
        <translation>receipt verify：开票方的设置文件（密钥）。</translation>
    </message>
    <message>
        <source>Every succeeded refund is reversed once in the ledger and its payment is refunded</source>
        <translation>每笔退款成功的交款均在分户账中冲回一次，且交款状态为已退款</translation>
    </message>
    <message>
        <source>Give the role with --role clerk, --role supervisor, --role admin or --role reviewer.</source>
        <translation>请用 --role clerk、--role supervisor、--role admin 或 --role reviewer 指定角色。</translation>
    </message>
    <message>
        <source>Use: fundctl receipt verify FILE.pdf [--issuer SETTINGS.json]</source>
        <translation>用法：fundctl receipt verify FILE.pdf [--issuer SETTINGS.json]</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Authentic and unaltered: receipt %1 %2, check code %3, %4 yuan, issued %5 to %6.</source>
        <translation>票据真实且未被篡改：票据 %1 %2，校验码 %3，金额 %4 元，开票日期 %5，交款人 %6。</translation>
    </message>
    <message>
        <source>This is a red receipt (红冲) reversing %1.</source>
        <translation>这是红冲票据，冲销的是票据 %1。</translation>
    </message>
    <message>
        <source>Compare these figures with the ones printed on the receipt.</source>
        <translation>请将以上信息与票据上印制的信息进行核对。</translation>
    </message>
    <message>
        <source>The database file is undamaged (SQLite quick_check)</source>
        <translation>数据库文件完好（SQLite quick_check）</translation>
    </message>
    <message>
        <source>%1 is a folder: give the CSV file itself.</source>
        <translation>%1 是文件夹，请指定 CSV 文件本身。</translation>
    </message>
    <message>
        <source>staff list takes no further arguments.</source>
        <translation>staff list 不接受其他参数。</translation>
    </message>
    <message>
        <source>%1 was not built by fundctl bench. bench writes test payments, receipts, an interest year and an imported estate that can never be taken back: run it on a new, empty database.</source>
        <translation>%1 不是由 fundctl bench 创建的。bench 会写入测试交款、票据、一个年度结息和一个导入小区，且无法撤销：请在新的空数据库上运行。</translation>
    </message>
    <message>
        <source>Built in %1 s with seed %2. Staff: clerk / clerk123, supervisor / super123, reviewer / review123, admin / admin123.</source>
        <translation>用时 %1 秒，随机种子 %2。工作人员账号：clerk / clerk123，supervisor / super123，reviewer / review123，admin / admin123。</translation>
    </message>
    <message>
        <source>Beijing&apos;s districts and streets: %1 districts, %2 streets.</source>
        <translation>北京市区县和街道：%1 个区县，%2 个街道。</translation>
    </message>
    <message>
        <source>Give the annual rate with --rate: from 0.01% to 100% with at most two decimals, e.g. --rate 1.50%.</source>
        <translation>请用 --rate 给出年利率：0.01% 至 100%，最多两位小数，例如 --rate 1.50%。</translation>
    </message>
    <message>
        <source>Interest is credited by the administrator account &quot;admin&quot;, which this database does not have (or is disabled). Add it first: fundctl --db DB staff add admin --name NAME --role admin</source>
        <translation>结息须以管理员账号“admin”办理，本数据库没有该账号（或已停用）。请先添加：fundctl --db DB staff add admin --name NAME --role admin</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>%1 may already sign in: nothing changed.</source>
        <translation>%1 本来就可以登录：未作更改。</translation>
    </message>
    <message>
        <source>%1 was already disabled: nothing changed.</source>
        <translation>%1 已经停用：未作更改。</translation>
    </message>
    <message>
        <source>audit verify: the end of the log printed by an earlier check, to find rows deleted from the end.</source>
        <translation>audit verify：先前核查所输出的日志末尾，用于发现从末尾删除的记录。</translation>
    </message>
    <message>
        <source>Give the anchor as an earlier &quot;audit verify&quot; printed it: --anchor ROW:HASH (the row number, a colon, 64 hex digits).</source>
        <translation>请按先前 “audit verify” 输出的格式给出锚点：--anchor 行号:哈希（行号、冒号、64 位十六进制数）。</translation>
    </message>
    <message>
        <source>Its end, to keep outside the database: %1:%2 — a later &quot;audit verify --anchor %1:%2&quot; also finds rows deleted from the end.</source>
        <translation>日志末尾（请保存在数据库之外）：%1:%2 —— 以后运行 “audit verify --anchor %1:%2” 还能发现从末尾删除的记录。</translation>
    </message>
    <message>
        <source>Fund Counter operator&apos;s tool (维修资金柜台端).

Commands:
  init                              create the database or bring its schema up to date
  demo-city [--houses N] [--seed S] build the demo city into an empty database
  lookup --address TEXT             find a house by its full address (坐落)
  lookup --search TEXT [--limit N]  find houses by any part of the address
  lookup --serial NO [--owner NAME] find a pending deposit by 业务流水号 (and owner name)
  statement HOUSE_ID                the fund account statement (资金明细) of a house
  receipt-pdf RECEIPT_ID -o FILE    write the PDF of an issued receipt
  receipt verify FILE.pdf [--issuer SETTINGS.json]
                                    is the receipt file authentic and unaltered? (no --db;
                                    without --issuer, the demo issuer&apos;s TEST ONLY keys)
  check                             verify the ledger, payments, receipts and audit trail
  import houses|owners FILE.csv     import houses or owners (docs/import-formats.md)
  interest --year Y --rate R        credit the annual interest (年度结息), e.g. --rate 1.50%
  staff list                        the staff accounts, disabled ones marked
  staff add LOGIN --name N --role R add an account (role clerk, supervisor, admin or reviewer);
                                    the password is read from standard input
  staff reset-password LOGIN        set a new password (read from standard input)
  staff disable|enable LOGIN        stop or allow an account&apos;s sign-in
  audit verify [--anchor ID:HASH]   check the hash chain of the audit log (and that it still
                                    reaches the end an earlier check printed)
  bench [--houses N] [--pg URL] [--samples K]
                                    figures for docs/benchmarks.md on a bench database
                                    (built with N houses if empty; it WRITES payments)

Exit status: 0 success; 1 an error, or check found a problem; 2 the command line or an
input value is not valid; 3 nothing matches (house, serial number, receipt, database file).</source>
        <translation>维修资金柜台端运维工具。

命令：
  init                              创建数据库，或将其结构升级到最新版本
  demo-city [--houses N] [--seed S] 在空数据库中生成演示城市
  lookup --address TEXT             按完整坐落查找房屋
  lookup --search TEXT [--limit N]  按坐落的任意部分查找房屋
  lookup --serial NO [--owner NAME] 按业务流水号（及业主名称）查找待交存业务
  statement HOUSE_ID                房屋的资金明细
  receipt-pdf RECEIPT_ID -o FILE    输出已开具票据的 PDF 文件
  receipt verify FILE.pdf [--issuer SETTINGS.json]
                                    验证票据文件是否真实且未被篡改（不使用 --db；
                                    未指定 --issuer 时，使用演示开票方仅供测试的密钥）
  check                             核查分户账、交款、票据和审计记录
  import houses|owners FILE.csv     导入房屋或业主（见 docs/import-formats.md）
  interest --year Y --rate R        年度结息入账，例如 --rate 1.50%
  staff list                        列出工作人员账号（标明已停用的账号）
  staff add LOGIN --name N --role R 添加账号（角色：clerk 柜员、supervisor 主管、admin 管理员或 reviewer 审核员）；
                                    密码从标准输入读取
  staff reset-password LOGIN        设置新密码（从标准输入读取）
  staff disable|enable LOGIN        停用或启用账号登录
  audit verify [--anchor ID:HASH]   核查审计日志的哈希链（并核对其仍延续到先前核查
                                    所输出的末尾）
  bench [--houses N] [--pg URL] [--samples K]
                                    在基准测试数据库上生成 docs/benchmarks.md 所需的数据
                                    （数据库为空时生成 N 套房屋；会写入交款数据）

退出状态：0 成功；1 出错，或 check 发现问题；2 命令行或
输入值无效；3 无匹配结果（房屋、业务流水号、票据、数据库文件）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Counter client of Beijing&apos;s residential special maintenance fund.</source>
        <translation>北京市住宅专项维修资金柜台客户端。</translation>
    </message>
    <message>
        <source>The database: a SQLite file or a postgresql:// URL (default: %1).</source>
        <translation>数据库：SQLite 文件或 postgresql:// 地址（默认：%1）。</translation>
    </message>
    <message>
        <source>SPEC</source>
        <translation>SPEC</translation>
    </message>
    <message>
        <source>The counter&apos;s name, e.g. W01.</source>
        <translation>窗口名称，例如 W01。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>The language of the window: zh_CN or en.</source>
        <translation>窗口界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>The screen of the customer display (default: the first screen that is not the clerk&apos;s).</source>
        <translation>客户显示屏所在的屏幕（默认：第一个非柜员使用的屏幕）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Do not show the customer display.</source>
        <translation>不显示客户显示屏。</translation>
    </message>
    <message>
        <source>Choose the database server before signing in (the profile is saved without the password).</source>
        <translation>登录前选择数据库服务器（连接配置保存时不含密码）。</translation>
    </message>
    <message>
        <source>Lock the window after this many minutes without input; 0 never (default: %1).</source>
        <translation>无操作达到此分钟数后锁定窗口；0 表示不锁定（默认：%1）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
</context>
</TS>
